import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { auditLog, integrations, type IntegrationSettings } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createIntegration } from "./create-integration";
import { defaultSettings } from "./provider-defaults";
import { updateIntegrationSettings } from "./update-integration-settings";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

async function installed() {
  const tenant = await createTenant(database.db, { slug: `t-${uniqueSuffix()}`, name: "Tenant" });
  const { integration } = await createIntegration(database.db, tenant.id, { provider: "generic" }, cliActor);
  return { tenantId: tenant.id, integrationId: integration.id };
}

const proxyclick: IntegrationSettings = {
  groupsEnabled: false,
  lowercaseIdentifiers: true,
  coupleUserNameAndEmail: true,
  defaultRegion: "  EMEA ",
  deleteMode: "hard",
  matchExisting: "takeOver",
};

describe("updateIntegrationSettings", () => {
  it("stores every setting, trims the region, and audits only what changed", async () => {
    const which = await installed();
    const { integration, changed } = await updateIntegrationSettings(database.db, which.tenantId, { integrationId: which.integrationId, ...proxyclick }, cliActor);
    expect(integration.settings).toEqual({ ...proxyclick, defaultRegion: "EMEA" });
    expect(changed.sort()).toEqual(["coupleUserNameAndEmail", "defaultRegion", "deleteMode", "groupsEnabled", "lowercaseIdentifiers", "matchExisting"]);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, which.tenantId), eq(auditLog.action, "integration.settings_updated")));
    expect(entry.detail).toMatchObject({
      integrationId: which.integrationId,
      changes: { groupsEnabled: { from: true, to: false }, defaultRegion: { from: "HQ", to: "EMEA" }, deleteMode: { from: "soft", to: "hard" } },
    });
  });

  it("records nothing when the settings are saved unchanged", async () => {
    const which = await installed();
    const { changed } = await updateIntegrationSettings(database.db, which.tenantId, { integrationId: which.integrationId, ...defaultSettings("generic") }, cliActor);
    expect(changed).toEqual([]);
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, which.tenantId), eq(auditLog.action, "integration.settings_updated")));
    expect(entries).toHaveLength(0);
  });

  it("allows an empty default region, so new people get none", async () => {
    const which = await installed();
    const { integration } = await updateIntegrationSettings(database.db, which.tenantId, { integrationId: which.integrationId, ...defaultSettings("generic"), defaultRegion: "" }, cliActor);
    expect(integration.settings.defaultRegion).toBe("");
  });

  it.each([
    ["a region over 64 characters", { defaultRegion: "x".repeat(65) }, "defaultRegion", "Use at most 64 characters"],
    ["a region with a control character", { defaultRegion: "HQ\u0000" }, "defaultRegion", "Use printable characters only"],
    ["an unknown delete mode", { deleteMode: "purge" }, "deleteMode", "Choose soft or hard delete"],
    ["a setting that does not exist", { sendWelcomeEmail: true }, undefined, undefined],
  ])("refuses %s as bad input, naming the field, and changes nothing", async (_, patch, field, message) => {
    const which = await installed();
    const attempt = updateIntegrationSettings(database.db, which.tenantId, { integrationId: which.integrationId, ...({ ...defaultSettings("generic"), ...patch } as IntegrationSettings) }, cliActor);
    await expect(attempt).rejects.toMatchObject({ code: "bad_input", ...(field ? { field, message } : {}) });
    const [row] = await database.db.select().from(integrations).where(eq(integrations.id, which.integrationId));
    expect(row.settings).toEqual(defaultSettings("generic"));
  });

  it("does not find another tenant's integration, and leaves it as it was", async () => {
    const mine = await installed();
    const theirs = await installed();
    const attempt = updateIntegrationSettings(
      database.db,
      mine.tenantId,
      { integrationId: theirs.integrationId, ...proxyclick },
      cliActor,
    );
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    const [row] = await database.db.select().from(integrations).where(eq(integrations.id, theirs.integrationId));
    expect(row.settings).toEqual(defaultSettings("generic"));
  });
});
