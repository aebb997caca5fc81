/** Opens and migrates the database when the server starts, so the first request is not the one that waits. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./db/client");
  const { holdEmbeddedDatabaseLock } = await import("./db/embedded-lock");
  try {
    holdEmbeddedDatabaseLock();
    await getDatabase();
  } catch (error) {
    console.error("The database could not be opened; /api/health answers 503 until it can.", error);
  }
}
