import { closeHttpServers } from "./http-servers";
import { startDraining } from "./draining";
import { logger } from "./logger";

/** What is stopped at shutdown: the scheduled jobs at once; after the servers close, buffered writes, then the database. */
export type ShutdownStage = "jobs" | "buffers" | "database";

const state = globalThis as unknown as { scimConsoleShutdownSteps?: Map<ShutdownStage, (() => Promise<void>)[]> };
const steps = (state.scimConsoleShutdownSteps ??= new Map());

/** Adds a step to run at shutdown, after the HTTP servers have closed. */
export function onShutdown(stage: ShutdownStage, step: () => Promise<void>): void {
  steps.set(stage, [...(steps.get(stage) ?? []), step]);
}

export type ShutdownOptions = { drainSeconds: number; timeoutSeconds: number };

/**
 * Shuts the instance down gracefully: /api/ready answers 503 for `drainSeconds` while
 * requests are still served (the load balancer takes it out of rotation), then the servers
 * stop accepting and the requests in flight finish (at most `timeoutSeconds`), then the
 * buffers are flushed and the database closed. A failing step is logged and the next runs.
 */
export async function shutDown(options: ShutdownOptions): Promise<void> {
  startDraining();
  logger().info({ drainSeconds: options.drainSeconds }, "shutting down: readiness is 503");
  // Jobs stop while requests drain: no new run starts, the one in hand ends its batch.
  const jobsStopped = runStage("jobs");
  if (options.drainSeconds > 0) await new Promise((resolve) => setTimeout(resolve, options.drainSeconds * 1000));
  const cut = await closeHttpServers(options.timeoutSeconds * 1000);
  logger().info({ requestsCut: cut }, "servers closed");
  await jobsStopped;
  await runStage("buffers");
  await runStage("database");
  logger().info("shut down");
}

async function runStage(stage: ShutdownStage): Promise<void> {
  for (const step of steps.get(stage) ?? []) {
    await step().catch((error: unknown) => logger().error({ err: error, stage }, "a shutdown step failed"));
  }
}

/**
 * Takes SIGTERM and SIGINT over from `next start`, whose own handler closes the server and
 * exits at once with 143, without waiting on our jobs, our buffered writes or the database.
 * SIGTERM (an orchestrator, a load balancer in front) drains first; SIGINT (Ctrl-C) does not.
 * A repeated signal while stopping is ignored, as npm and the shell may both forward one.
 */
export function installGracefulShutdown(options: ShutdownOptions, exit: (code: number) => void = process.exit): void {
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void shutDown({ ...options, drainSeconds: signal === "SIGTERM" ? options.drainSeconds : 0 }).then(
        () => exit(0),
        (error: unknown) => {
          logger().error({ err: error }, "shutdown failed");
          exit(1);
        },
      );
    });
  }
}
