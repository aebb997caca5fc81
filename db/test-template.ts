import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";
import { migrationsFolder, openDatabase, pgliteOptions } from "./client";
import { connectPostgres, databaseOnServer } from "./postgres-url";

/** Where createTestDb() copies each test file's database from, built once per project run. */
export type TestTemplate = { kind: "pglite"; file: string } | { kind: "postgres"; database: string };

declare module "vitest" {
  export interface ProvidedContext {
    testTemplate: TestTemplate;
  }
}

/**
 * Vitest globalSetup: migrates one database per `vitest run` and project, so a test file
 * copies it instead of booting and migrating its own. Booting PGlite's initdb is the cost:
 * loading a dumped, migrated data folder skips it. On PostgreSQL a template database makes
 * `create database` hand out migrated copies. Built from db/migrations on every run, so a
 * migration added since the last run is always in it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = project.config.env ?? {};
  const serverUrl = "TEST_DATABASE_URL" in env ? env.TEST_DATABASE_URL : process.env.TEST_DATABASE_URL;
  return serverUrl ? postgresTemplate(project, serverUrl) : pgliteTemplate(project);
}

async function pgliteTemplate(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "scim-test-template-"));
  const file = path.join(dir, "pgdata.tar.gz");
  const client = new PGlite(pgliteOptions);
  try {
    await migrate(drizzle(client), { migrationsFolder });
    // Gzipped: 4.7 MB instead of 41 MB, and loading it took less CPU than the plain tar.
    const dump = await client.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
  project.provide("testTemplate", { kind: "pglite", file });
  return async () => rmSync(dir, { recursive: true, force: true });
}

async function postgresTemplate(project: TestProject, serverUrl: string) {
  const database = `test_template_${randomBytes(6).toString("hex")}`;
  const admin = connectPostgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${database}`);
  try {
    // Closed before any copy is made: PostgreSQL copies only a template nobody is connected to.
    await (await openDatabase({ url: databaseOnServer(serverUrl, database) })).close();
  } catch (error) {
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end({ timeout: 5 });
    throw error;
  }
  project.provide("testTemplate", { kind: "postgres", database });
  return async () => {
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end({ timeout: 5 });
  };
}
