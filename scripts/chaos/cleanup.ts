/**
 * Everything the chaos run starts (servers, a PostgreSQL cluster, temp folders) registers
 * how to undo it here. The undo steps are synchronous so they also run from an `exit` or
 * signal handler, when the run fails or is interrupted.
 */
type Undo = { label: string; run: () => void };

const pending: Undo[] = [];

/** Registers an undo step; returns a function that runs it now and forgets it. */
export function onCleanup(label: string, run: () => void): () => void {
  const undo = { label, run };
  pending.push(undo);
  return () => {
    const index = pending.indexOf(undo);
    if (index >= 0) pending.splice(index, 1);
    runOne(undo);
  };
}

function runOne(undo: Undo): void {
  try {
    undo.run();
  } catch (error) {
    process.stderr.write(`cleanup "${undo.label}" failed: ${String(error)}\n`);
  }
}

/** Undoes everything still registered, newest first. */
export function cleanupAll(): void {
  while (pending.length > 0) runOne(pending.pop()!);
}

let installed = false;

/** Runs the cleanup on exit and on Ctrl-C / SIGTERM, then exits. */
export function installCleanupHandlers(): void {
  if (installed) return;
  installed = true;
  process.on("exit", cleanupAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal}: stopping servers and removing temp folders\n`);
      cleanupAll();
      process.exit(130);
    });
  }
}
