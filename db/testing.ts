import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQLWrapper } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { openDatabase, pgliteOptions, postgresPoolSize, type Database, type Db } from "./client";
import { connectPostgres, databaseOnServer } from "./postgres-url";
import { rowsOf } from "./rows-of";
import * as schema from "./schema";
import type { TestTemplate } from "./test-template";

/** The migrated template db/test-template.ts built for this run, when under Vitest. */
async function testTemplate(): Promise<TestTemplate | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import("vitest");
  return inject("testTemplate");
}

/**
 * The connections a test database's pool has at least: the locking tests hold a lock in one
 * transaction while two others wait on it and a fourth connection watches them
 * (holdingLock, waitingOnLocks).
 */
const LOCKING_TESTS_CONNECTIONS = 4;

/**
 * Whether the tests run on the PostgreSQL server named by TEST_DATABASE_URL, where
 * transactions really overlap; otherwise they run on PGlite, one transaction at a time.
 */
export const onPostgresServer = Boolean(process.env.TEST_DATABASE_URL);

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 * Under Vitest each is a copy of the template migrated once per run; elsewhere (the
 * benchmark) it is created and migrated here.
 */
export async function createTestDb(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = await testTemplate();
  if (!serverUrl) {
    if (template?.kind !== "pglite") return openDatabase({});
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(template.file)]), ...pgliteOptions });
    // Boot here, inside the caller's setup hook, not in whichever test queries first.
    await client.waitReady;
    const db = drizzle(client, { schema }) as unknown as Db;
    return { db, kind: "pglite", close: () => client.close() };
  }

  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = connectPostgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template?.kind === "postgres" ? `create database ${name} template ${template.database}` : `create database ${name}`);
  const database = await openDatabase({ url: databaseOnServer(serverUrl, name), poolSize: Math.max(postgresPoolSize(), LOCKING_TESTS_CONNECTIONS) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** A short random suffix, so factories never collide across tests. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

/**
 * Opens a transaction that takes a lock (`lock`, a locking read) and holds it until the
 * returned function is called, which ends the transaction. PostgreSQL only: PGlite runs one
 * transaction at a time.
 */
export async function holdingLock(db: Db, lock: (tx: Db) => Promise<unknown>): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = db.transaction(async (tx) => {
    await lock(tx);
    locked();
    await held;
  });
  await Promise.race([isLocked, holder]);
  return () => {
    release();
    return holder;
  };
}

/** Returns once `count` sessions of this database wait on a lock, or once `moot` says so. */
export async function waitingOnLocks(db: Db, count: number, moot: () => boolean) {
  while (!moot()) {
    const result = (await db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { n: number }[];
    if (result[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The plan PostgreSQL (or PGlite) makes for `query`, as EXPLAIN prints it, one line per node. */
export async function planOf(db: Db, query: SQLWrapper): Promise<string> {
  const result = await db.execute(sql`explain ${query}`);
  const rows = rowsOf<Record<string, string>>(result);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}
