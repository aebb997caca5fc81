/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { getDatabase } from "@/db/client";
import { isEmbeddedDatabaseHeld } from "@/db/embedded-lock";

try {
  const database = await getDatabase();
  process.stdout.write(`Migrations applied (${database.kind}).\n`);
  await database.close();
} catch (error) {
  if (!isEmbeddedDatabaseHeld(error)) throw error;
  // The app applies migrations when it starts; its lock keeps this process off the folder.
  process.stderr.write(`error: ${error.message}; the app applies migrations itself when it starts\n`);
  process.exit(2);
}
