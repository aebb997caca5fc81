/**
 * Prepares a database before its server starts (or, on PostgreSQL, beside it): tenants and
 * integrations through the services the admin CLI calls, the seed rows through SQL. One
 * open of the database for all of it: on PGlite each open costs seconds, and the embedded
 * database has one owner at a time, so the server must be stopped meanwhile.
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { cliActor } from "@/lib/audit/record-audit";
import { createIntegration } from "@/lib/integrations/create-integration";
import { setIntegrationRateLimit } from "@/lib/integrations/set-integration-rate-limit";
import { createTenant } from "@/lib/tenants/create-tenant";
import type { Target } from "../chaos/databases";
import { vacuumAnalyzeSql, type Scope } from "./seeding";

export type Installed = Scope & { appKey: string; token: string };

/**
 * Opens the target migrated by `appDir`'s migrations, the schema of the build under load (an
 * older commit's under --app-dir, so it is measured on its own schema), and runs `work` on it.
 */
export async function withDatabase<T>(target: Target, appDir: string, work: (db: Db) => Promise<T>): Promise<T> {
  const migrations = path.join(appDir, "db", "migrations");
  // The same folder the server opens: DATA_DIR/pglite (db/client.ts), under the same lock.
  const database = await openDatabase(target.databaseUrl ? { url: target.databaseUrl, migrations } : { dataDir: path.resolve(target.dataDir, "pglite"), migrations });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** A tenant with an Microsoft Entra ID integration whose rate limit lets the load through. */
export async function installIntegration(db: Db, slug: string): Promise<Installed> {
  const tenant = await createTenant(db, { slug, name: slug });
  const { integration, secret } = await createIntegration(db, tenant.id, { provider: "entra" }, cliActor);
  // The default (100/s) would answer 429 to a load generator; the limit is what is raised, not skipped.
  await setIntegrationRateLimit(db, { integrationId: integration.id }, 10_000, cliActor);
  return { tenantId: tenant.id, integrationId: integration.id, appKey: integration.appKey, token: secret };
}

/** Runs seeding statements, then refreshes the planner's statistics. */
export async function runSeed(db: Db, statements: string[]): Promise<void> {
  for (const statement of [...statements, vacuumAnalyzeSql]) await db.execute(sql.raw(statement));
}
