import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { rowsOf } from "./rows-of";

/** The migrations this code ships: how many, and the stamp of the newest (drizzle-kit's journal). */
export type Journal = { count: number; newest: number };

export function readJournal(migrationsFolder: string): Journal {
  const file = path.join(migrationsFolder, "meta", "_journal.json");
  const { entries } = JSON.parse(readFileSync(file, "utf8")) as { entries: { when: number }[] };
  return { count: entries.length, newest: Math.max(0, ...entries.map((e) => e.when)) };
}

/**
 * The database was migrated by newer code than this: an instance of an older release (a
 * rollback, or an old instance started beside a new one) must not serve it, since its queries
 * would write rows the new schema does not expect.
 */
export class SchemaNewerThanCode extends Error {
  constructor(applied: Journal, known: Journal) {
    super(
      `The database has ${applied.count} migrations applied, the newest stamped ${applied.newest}; this release knows ` +
        `${known.count}, the newest stamped ${known.newest}. Run the release that migrated it (or a newer one).`,
    );
    this.name = "SchemaNewerThanCode";
  }
}

/**
 * Refuses a database that has migrations this code does not know. drizzle applies only
 * migrations newer than the newest applied one, so it would silently leave such a database
 * as it is; both the count and the newest stamp are compared, as a renumbered migration
 * changes one and not always the other.
 */
export async function assertSchemaKnown(db: Db, known: Journal): Promise<void> {
  const result = await db.execute(
    sql`select count(*)::int as count, coalesce(max(created_at), 0)::bigint as newest from drizzle.__drizzle_migrations`,
  );
  const rows = rowsOf<{ count: number; newest: string | number }>(result);
  const applied = { count: Number(rows[0].count), newest: Number(rows[0].newest) };
  if (applied.count > known.count || applied.newest > known.newest) throw new SchemaNewerThanCode(applied, known);
}

export function isSchemaNewerThanCode(error: unknown): error is SchemaNewerThanCode {
  return error instanceof SchemaNewerThanCode;
}
