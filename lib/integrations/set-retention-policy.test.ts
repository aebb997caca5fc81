import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { auditLog, integrations } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createIntegration } from "./create-integration";
import { setRetentionPolicy, type RetentionPolicy } from "./set-retention-policy";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

async function installed() {
  const tenant = await createTenant(database.db, { slug: `t-${uniqueSuffix()}`, name: "Tenant" });
  const { integration } = await createIntegration(database.db, tenant.id, { provider: "entra" }, cliActor);
  return { tenantId: tenant.id, integrationId: integration.id };
}

const off: RetentionPolicy = { purgeDaysAfterDeletion: null, purgeDaysAfterDeactivation: null };
const retentionEntries = (tenantId: string) =>
  database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "integration.retention_changed")));

describe("setRetentionPolicy", () => {
  it("is off on a new integration, stores both rules and audits what changed", async () => {
    const which = await installed();
    const [before] = await database.db.select().from(integrations).where(eq(integrations.id, which.integrationId));
    expect(before).toMatchObject(off);

    const { integration, changed } = await setRetentionPolicy(database.db, which, { purgeDaysAfterDeletion: 30, purgeDaysAfterDeactivation: 90 }, cliActor);
    expect(changed).toBe(true);
    expect(integration).toMatchObject({ purgeDaysAfterDeletion: 30, purgeDaysAfterDeactivation: 90 });
    await setRetentionPolicy(database.db, which, { ...off, purgeDaysAfterDeletion: 30 }, cliActor);
    const entries = await retentionEntries(which.tenantId);
    expect(entries.map((e) => e.detail.changes)).toEqual([
      { purgeDaysAfterDeletion: { from: null, to: 30 }, purgeDaysAfterDeactivation: { from: null, to: 90 } },
      { purgeDaysAfterDeactivation: { from: 90, to: null } },
    ]);
  });

  it("records nothing when the policy is saved unchanged", async () => {
    const which = await installed();
    expect((await setRetentionPolicy(database.db, which, off, cliActor)).changed).toBe(false);
    expect(await retentionEntries(which.tenantId)).toHaveLength(0);
  });

  it.each([
    ["zero days", { purgeDaysAfterDeletion: 0 }, "purgeDaysAfterDeletion", "Purge at least 1 day after deletion."],
    ["over ten years", { purgeDaysAfterDeactivation: 3651 }, "purgeDaysAfterDeactivation", "Purge at most 3650 days (10 years) after deactivation."],
    ["a fraction of a day", { purgeDaysAfterDeletion: 1.5 }, "purgeDaysAfterDeletion", "Enter a whole number of days after deletion."],
    ["text", { purgeDaysAfterDeletion: "30" }, "purgeDaysAfterDeletion", "Enter the number of days after deletion, or turn this rule off."],
  ])("refuses %s with a readable message naming the field, and changes nothing", async (_, patch, field, message) => {
    const which = await installed();
    const attempt = setRetentionPolicy(database.db, which, { ...off, ...patch } as RetentionPolicy, cliActor);
    await expect(attempt).rejects.toMatchObject({ code: "bad_input", field, message });
    const [row] = await database.db.select().from(integrations).where(eq(integrations.id, which.integrationId));
    expect(row).toMatchObject(off);
  });

  it("does not find another tenant's integration, and leaves it as it was", async () => {
    const mine = await installed();
    const theirs = await installed();
    const attempt = setRetentionPolicy(database.db, { tenantId: mine.tenantId, integrationId: theirs.integrationId }, { ...off, purgeDaysAfterDeletion: 1 }, cliActor);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    const [row] = await database.db.select().from(integrations).where(eq(integrations.id, theirs.integrationId));
    expect(row).toMatchObject(off);
  });
});
