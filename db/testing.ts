import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { openDatabase, pgliteExtensions, type Database, type Db } from "./client";
import { connectPostgres, databaseOnServer } from "./postgres-url";
import * as schema from "./schema";
import type { TestTemplate } from "./test-template";

/** The migrated template db/test-template.ts built for this run, when under Vitest. */
async function testTemplate(): Promise<TestTemplate | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import("vitest");
  return inject("testTemplate");
}

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
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(template.file)]), extensions: pgliteExtensions });
    // Boot here, inside the caller's setup hook, not in whichever test queries first.
    await client.waitReady;
    const db = drizzle(client, { schema }) as unknown as Db;
    return { db, kind: "pglite", close: () => client.close() };
  }

  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = connectPostgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template?.kind === "postgres" ? `create database ${name} template ${template.database}` : `create database ${name}`);
  const database = await openDatabase({ url: databaseOnServer(serverUrl, name) });
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
