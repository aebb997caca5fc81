import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { isEmbeddedDatabaseHeld } from "./embedded-lock";
import { migrationsFolder, openDatabase, type Db } from "./client";
import { connectPostgres, databaseOnServer } from "./postgres-url";
import { rowsOf } from "./rows-of";
import { readJournal } from "./schema-version";

/**
 * Several instances starting at once on one database: it is migrated once, and an instance
 * whose code is older than the schema refuses it. On PostgreSQL the instances are several
 * connection pools on one new, empty database; on the embedded database they are several
 * opens of one data folder, of which exactly one may win (its OS lock).
 */

const serverUrl = process.env.TEST_DATABASE_URL;
const known = readJournal(migrationsFolder);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A new database nobody has migrated: a URL on the server, else an empty data folder. */
async function emptyDatabase(): Promise<{ url?: string; dataDir?: string }> {
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "migrate-once-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return { dataDir: dir };
  }
  const name = `migrate_${randomBytes(6).toString("hex")}`;
  const admin = connectPostgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });
  return { url: databaseOnServer(serverUrl, name) };
}

async function appliedMigrations(db: Db): Promise<{ count: number; distinct: number }> {
  const result = await db.execute(
    sql`select count(*)::int as count, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`,
  );
  const rows = rowsOf<{ count: number; distinct: number }>(result);
  return rows[0];
}

describe("starting several instances at once on a fresh database", () => {
  it("applies each migration exactly once, and every instance that may open it does", async () => {
    const target = await emptyDatabase();
    const opens = await Promise.allSettled(Array.from({ length: 4 }, () => openDatabase(target)));
    const opened = opens.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const refused = opens.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    try {
      if (serverUrl) {
        expect(refused).toEqual([]);
        expect(opened).toHaveLength(4);
      } else {
        // One process owns an embedded folder; the others are told so, before touching it.
        expect(opened).toHaveLength(1);
        expect(refused.every(isEmbeddedDatabaseHeld)).toBe(true);
      }
      for (const database of opened) {
        expect(await appliedMigrations(database.db)).toEqual({ count: known.count, distinct: known.count });
      }
    } finally {
      await Promise.all(opened.map((database) => database.close()));
    }
  });
});

describe("an instance with a pool of one connection", () => {
  it("migrates a fresh database and then answers on that one connection", async () => {
    const database = await openDatabase({ ...(await emptyDatabase()), poolSize: 1 });
    try {
      expect(await appliedMigrations(database.db)).toEqual({ count: known.count, distinct: known.count });
    } finally {
      await database.close();
    }
  });
});

describe("a database migrated by a newer release", () => {
  it("is refused with a message saying so", async () => {
    const target = await emptyDatabase();
    const database = await openDatabase(target);
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', ${known.newest + 1})`,
    );
    await database.close();

    await expect(openDatabase(target)).rejects.toThrow(
      `has ${known.count + 1} migrations applied, the newest stamped ${known.newest + 1}; this release knows ${known.count}`,
    );
  });
});


/** This release's migrations folder cut after its first `count` migrations: an older release's. */
function olderMigrations(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "older-migrations-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

describe("a database prepared for another release (bench:http --app-dir)", () => {
  it("is migrated by that release's folder only, and this release's later migrations still apply", async () => {
    const target = await emptyDatabase();
    const older = await openDatabase({ ...target, migrations: olderMigrations(known.count - 1) });
    try {
      expect(await appliedMigrations(older.db)).toEqual({ count: known.count - 1, distinct: known.count - 1 });
    } finally {
      await older.close();
    }
    const current = await openDatabase(target);
    try {
      expect(await appliedMigrations(current.db)).toEqual({ count: known.count, distinct: known.count });
    } finally {
      await current.close();
    }
  });
});
