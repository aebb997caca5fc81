/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { getDatabase } from "@/db/client";
import { embeddedDatabaseHolder } from "@/db/embedded-lock";

const holder = embeddedDatabaseHolder();
if (holder) {
  process.stderr.write(`error: the app (process ${holder}) has the embedded database open; it migrated it at start\n`);
  process.exit(2);
}
const database = await getDatabase();
process.stdout.write(`Migrations applied (${database.kind}).\n`);
await database.close();
