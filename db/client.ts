import { hostname } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { lockEmbeddedFolder } from "./embedded-lock";
import { connectPostgres } from "./postgres-url";
import { startPgliteThread } from "./pglite-thread";
import * as schema from "./schema";
import { assertSchemaKnown, readJournal } from "./schema-version";

type Schema = typeof schema;
/** The database or a transaction on it: every service accepts either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database = { db: Db; close: () => Promise<void>; kind: "pglite" | "postgres" };

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Connections each instance keeps to PostgreSQL at most (DATABASE_POOL_SIZE). */
export function postgresPoolSize(): number {
  return env().DATABASE_POOL_SIZE;
}

/**
 * How this process's connections are named in pg_stat_activity: a database administrator
 * sees which instance holds which connection, and /api/metrics counts its own.
 */
export function applicationName(): string {
  return `scim-console ${hostname()}:${process.pid}`.slice(0, 63);
}

/**
 * How every PGlite starts, the app's and the tests': with the extensions the migrations
 * create (pg_trgm), which it must load before it opens the data, and with 32 MB of shared
 * buffers instead of PGlite's 128 MB. PostgreSQL touches all of its shared buffers as it
 * starts, and in WebAssembly memory they stay resident for the life of the process: 128 MB
 * cost the server about 100 MiB more at its peak than 32 MB, for no speed measured (`npm run
 * bench:http -- --quick --only pglite`). The data files are read through the operating
 * system's page cache, which is not the process's memory.
 */
export const pgliteOptions = {
  extensions: { pg_trgm },
  startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"],
};

/**
 * Opens a migrated database: postgres.js when a URL is given, else PGlite in `dataDir` (in
 * memory without one), in a worker thread when `thread` is set (db/pglite-thread.ts). A
 * folder is locked first; EmbeddedDatabaseHeld says another process has it.
 * `migrations` is another release's folder when a script prepares a database for that release
 * (bench:http --app-dir); the app itself always uses its own. `poolSize` replaces
 * DATABASE_POOL_SIZE.
 */
export async function openDatabase(options: { url?: string; dataDir?: string; thread?: boolean; migrations?: string; poolSize?: number }): Promise<Database> {
  const folder = options.migrations ?? migrationsFolder;
  if (options.url) {
    // A server that is down or unreachable fails a request within seconds instead of the
    // driver's 30 s; a runaway statement or an abandoned transaction does not hold a
    // connection (and its locks) for ever; idle connections are closed after a while.
    const client = connectPostgres(options.url, {
      max: options.poolSize ?? postgresPoolSize(),
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 300,
      connection: { statement_timeout: 60_000, idle_in_transaction_session_timeout: 60_000, application_name: applicationName() },
    });
    const db = drizzlePostgres(preparingStatements(client), { schema }) as unknown as Db;
    try {
      await migrateOnce(options.url, db, folder);
    } catch (error) {
      await client.end({ timeout: 5 });
      throw error;
    }
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const thread = options.thread ?? false;
  if (!options.dataDir) return openPglite(undefined, folder, thread, async () => {});
  // The lock comes before PGlite touches the folder: a second process must never open it.
  const lock = await lockEmbeddedFolder(options.dataDir);
  return openPglite(options.dataDir, folder, thread, lock.release).catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
}

/** The advisory lock every instance takes around its migrations (any constant, the same in every release). */
const MIGRATION_LOCK = 7_266_839_151;

/**
 * Applies the migrations under a PostgreSQL advisory lock, so instances starting together on
 * an empty or older database migrate it once: the others wait, then find nothing left to
 * apply (drizzle's migrator alone would run the same migration from each, and all but one
 * fail). The lock is held on a connection of its own, outside the pool the migrations run on
 * (a pool of one connection would otherwise wait on itself) and without the statement timeout
 * (one instance may wait for another's long migration); a crashed holder's lock goes with its
 * connection. Then refuses a schema newer than this code.
 */
async function migrateOnce(url: string, db: Db, folder: string): Promise<void> {
  const lock = connectPostgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5, connection: { statement_timeout: 0, application_name: applicationName() } });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(db as never, { migrationsFolder: folder });
    await assertSchemaKnown(db, readJournal(folder));
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await lock.end({ timeout: 5 });
  }
}

/** Statements with more parameters than this (batch inserts, long IN lists) are not prepared. */
const PREPARE_MAX_PARAMETERS = 64;

/**
 * postgres.js runs a statement with parameters that is not prepared in two round trips
 * (describe its parameters, then bind and execute), and drizzle asks it to prepare only the
 * statements a caller names. Here every statement of ordinary size is prepared on each
 * connection the first time it runs, and then executes in one round trip; large one-off ones
 * stay unnamed so the server keeps few statements per connection, and connections are
 * recycled (postgres.js max_lifetime, 30 to 60 minutes), which frees them. Transactions and
 * savepoints hand drizzle a connection wrapped the same way.
 */
function preparingStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters: unknown[] = [], options: { prepare?: boolean } = {}) =>
          target.unsafe(query, parameters as never, { ...options, prepare: options.prepare || parameters.length <= PREPARE_MAX_PARAMETERS });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (inner: postgres.Sql) => unknown;
          const run = Reflect.get(target, property, receiver) as (...rest: unknown[]) => Promise<unknown>;
          return run.call(target, ...args, (inner: postgres.Sql) => body(preparingStatements(inner)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

async function openPglite(dataDir: string | undefined, folder: string, thread: boolean, release: () => Promise<void>): Promise<Database> {
  const client = thread
    ? await startPgliteThread(dataDir, pgliteOptions.startParams)
    : new PGlite({ dataDir, ...pgliteOptions });
  try {
    // The thread answers every call drizzle's pglite driver makes (db/pglite-thread.ts).
    const db = drizzlePglite(client as PGlite, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder: folder });
    await assertSchemaKnown(db, readJournal(folder));
    return { db, kind: "pglite", close: () => client.close().finally(release) };
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}

const globalForDb = globalThis as unknown as { scimConsoleDb?: Promise<Database> };

/**
 * The process-wide database, opened and migrated on first use. PGlite runs in a worker
 * thread: the server's thread stays free to accept and parse requests while queries run.
 */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.scimConsoleDb) {
    const { DATABASE_URL, DATA_DIR } = env();
    globalForDb.scimConsoleDb = openDatabase(
      DATABASE_URL ? { url: DATABASE_URL } : { dataDir: path.resolve(DATA_DIR, "pglite"), thread: true },
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
