import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * PGlite is Postgres inside one process: a second process opening the same folder would
 * corrupt it. The server records its pid here; the admin CLI refuses to run beside it.
 */
function lockFile(): string | undefined {
  const { DATABASE_URL, DATA_DIR } = env();
  return DATABASE_URL ? undefined : path.resolve(DATA_DIR, "server.pid");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function holdEmbeddedDatabaseLock(): void {
  const file = lockFile();
  if (!file) return;
  const holder = embeddedDatabaseHolder();
  if (holder && holder !== process.pid) {
    throw new Error(`The embedded database in ${path.dirname(file)} is already open by process ${holder}.`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, String(process.pid));
  process.once("exit", () => rmSync(file, { force: true }));
}

/** The pid of a live server holding the embedded database, if any. */
export function embeddedDatabaseHolder(): number | undefined {
  const file = lockFile();
  if (!file) return undefined;
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
