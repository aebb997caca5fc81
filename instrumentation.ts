/**
 * When the server starts: answer the requests Next cannot route, watch the HTTP server for a
 * graceful shutdown, then open and migrate the database, so the first request is not the
 * one that waits.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serveScimBeforeNext } = await import("./lib/provisioning/node-server");
    serveScimBeforeNext();
    const { startInstance } = await import("./lib/observability/start-instance");
    startInstance();
    const { openDatabaseAtStart } = await import("./lib/open-database-at-start");
    await openDatabaseAtStart();
  }
}
