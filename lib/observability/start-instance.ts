import { getDatabase } from "@/db/client";
import { flushRequestLog } from "@/lib/activity/record-scim-request";
import { env } from "@/lib/env";
import { installGracefulShutdown, onShutdown } from "./graceful-shutdown";
import { watchHttpServers } from "./http-servers";

/**
 * What every instance does at start besides its database: watch its HTTP server, and on
 * SIGTERM or SIGINT shut down gracefully (graceful-shutdown.ts): the scheduled jobs stop
 * (registered when they start) while the servers drain and close, then the request log's
 * buffered rows are written and the database is closed (the embedded one flushed to its
 * folder).
 */
export function startInstance(): void {
  watchHttpServers();
  // `next dev` keeps its own handler, which also closes its hot-reload connections at once.
  if (process.env.NODE_ENV !== "production") return;
  onShutdown("buffers", flushRequestLog);
  onShutdown("database", closeDatabaseIfOpen);
  const { SHUTDOWN_DRAIN_SECONDS, SHUTDOWN_TIMEOUT_SECONDS } = env();
  installGracefulShutdown({ drainSeconds: SHUTDOWN_DRAIN_SECONDS, timeoutSeconds: SHUTDOWN_TIMEOUT_SECONDS });
}

async function closeDatabaseIfOpen(): Promise<void> {
  const database = await getDatabase().catch(() => undefined);
  await database?.close();
}
