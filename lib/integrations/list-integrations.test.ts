import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/tenants/create-tenant";
import { mintToken } from "@/lib/tokens/mint-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { createIntegration } from "./create-integration";
import { findIntegration } from "./find-integration";
import { listIntegrations } from "./list-integrations";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const tenant = () => createTenant(database.db, { slug: `t-${uniqueSuffix()}`, name: "Tenant" });

describe("listIntegrations", () => {
  it("lists only the tenant's own integrations, counting tokens neither revoked nor expired", async () => {
    const a = await tenant();
    const b = await tenant();
    const entra = await createIntegration(database.db, a.id, { provider: "entra" }, cliActor);
    const okta = await createIntegration(database.db, a.id, { provider: "okta", name: "Okta EU" }, cliActor);
    await createIntegration(database.db, b.id, { provider: "generic" }, cliActor);
    const scope = { tenantId: a.id, integrationId: entra.integration.id };
    await mintToken(database.db, { ...scope, expiresAt: new Date(Date.now() - 1_000) });
    await mintToken(database.db, { ...scope, expiresAt: new Date(Date.now() + 3_600_000) });
    await revokeToken(database.db, a.id, { tokenId: okta.token.id }, cliActor);

    const rows = await listIntegrations(database.db, a.id);
    expect(rows.map((r) => [r.name, r.provider, r.status, r.liveTokens])).toEqual([
      ["Microsoft Entra ID", "entra", "active", 2],
      ["Okta EU", "okta", "active", 0],
    ]);
    expect(rows[0]).not.toHaveProperty("appKey");
  });

  it("answers an empty list for a tenant without integrations", async () => {
    expect(await listIntegrations(database.db, (await tenant()).id)).toEqual([]);
  });
});

describe("findIntegration", () => {
  it("finds the tenant's own integration, not another tenant's, and not an id that is no UUID", async () => {
    const a = await tenant();
    const b = await tenant();
    const { integration } = await createIntegration(database.db, a.id, { provider: "okta" }, cliActor);
    expect((await findIntegration(database.db, a.id, integration.id))?.appKey).toBe(integration.appKey);
    expect(await findIntegration(database.db, b.id, integration.id)).toBeNull();
    expect(await findIntegration(database.db, a.id, "not-a-uuid")).toBeNull();
    expect(await findIntegration(database.db, a.id, integration.appKey)).toBeNull();
  });
});
