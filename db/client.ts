import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

type Schema = typeof schema;
/** The database or a transaction on it: every service accepts either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database = { db: Db; close: () => Promise<void>; kind: "pglite" | "postgres" };

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Opens a migrated database: postgres.js when a URL is given, else PGlite in `dataDir`. */
export async function openDatabase(options: { url?: string; dataDir?: string }): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    await migratePostgres(db as never, { migrationsFolder });
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return { db, kind: "pglite", close: () => client.close() };
}

const globalForDb = globalThis as unknown as { scimConsoleDb?: Promise<Database> };

/** The process-wide database, opened and migrated on first use. */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.scimConsoleDb) {
    const { DATABASE_URL, DATA_DIR } = env();
    globalForDb.scimConsoleDb = openDatabase(
      DATABASE_URL ? { url: DATABASE_URL } : { dataDir: path.resolve(DATA_DIR, "pglite") },
    ).catch((error: unknown) => {
      globalForDb.scimConsoleDb = undefined;
      throw error;
    });
  }
  return globalForDb.scimConsoleDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
