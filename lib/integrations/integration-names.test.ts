import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createIntegration } from "./create-integration";
import { defaultSettings } from "./provider-defaults";
import { renameIntegration } from "./rename-integration";

/** Integration names: a default per provider, unique in a tenant, changed by renaming. */

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const tenant = () => createTenant(database.db, { slug: `names-${uniqueSuffix()}`, name: "Names" });

describe("integration names", () => {
  it("defaults to the provider's label, numbered when the tenant already has one", async () => {
    const t = await tenant();
    const names = [];
    for (let i = 0; i < 3; i++) names.push((await createIntegration(database.db, t.id, { provider: "entra" }, cliActor)).integration.name);
    expect(names).toEqual(["Microsoft Entra ID", "Microsoft Entra ID (2)", "Microsoft Entra ID (3)"]);
    const other = await tenant();
    expect((await createIntegration(database.db, other.id, { provider: "entra", name: "  " }, cliActor)).integration.name).toBe("Microsoft Entra ID");
  });

  it("refuses a name the tenant already has, whatever its case, on the name field", async () => {
    const t = await tenant();
    const { integration } = await createIntegration(database.db, t.id, { provider: "entra", name: "Entra production" }, cliActor);
    await expect(createIntegration(database.db, t.id, { provider: "okta", name: "ENTRA PRODUCTION" }, cliActor)).rejects.toMatchObject({ code: "conflict", field: "name" });
    const { integration: okta } = await createIntegration(database.db, t.id, { provider: "okta" }, cliActor);
    await expect(renameIntegration(database.db, t.id, { integrationId: okta.id, name: "entra production" }, cliActor)).rejects.toMatchObject({ code: "conflict", field: "name" });
    const renamed = await renameIntegration(database.db, t.id, { integrationId: integration.id, name: "Entra staging" }, cliActor);
    expect(renamed).toMatchObject({ changed: true, integration: { name: "Entra staging" } });
    expect((await renameIntegration(database.db, t.id, { integrationId: okta.id, name: "Entra production" }, cliActor)).changed).toBe(true);
  });

  it("does not rename another tenant's integration", async () => {
    const { integration } = await createIntegration(database.db, (await tenant()).id, { provider: "generic" }, cliActor);
    await expect(renameIntegration(database.db, (await tenant()).id, { integrationId: integration.id, name: "Mine" }, cliActor)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lowercases identifiers by default for Okta only, as Proxy's Okta app does", () => {
    expect(defaultSettings("okta").lowercaseIdentifiers).toBe(true);
    expect(defaultSettings("entra").lowercaseIdentifiers).toBe(false);
    expect(defaultSettings("generic").lowercaseIdentifiers).toBe(false);
  });
});
