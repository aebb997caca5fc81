/** Opens and migrates the database when the server starts, so the first request is not the one that waits. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./db/client");
  const { isEmbeddedDatabaseHeld } = await import("./db/embedded-lock");
  try {
    await getDatabase();
  } catch (error) {
    if (isEmbeddedDatabaseHeld(error)) {
      // Serving anyway would open the folder later, beside its owner, and lose writes.
      console.error(`error: ${error.message}; this server does not start`);
      process.exit(1);
    }
    console.error("The database could not be opened; /api/health answers 503 until it can.", error);
  }
}
