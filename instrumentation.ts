/** Opens and migrates the database when the server starts, so the first request is not the one that waits. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { openDatabaseAtStart } = await import("./lib/open-database-at-start");
    await openDatabaseAtStart();
  }
}
