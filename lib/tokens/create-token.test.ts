import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { auditLog, tokens } from "@/db/schema";
import { cliActor, type AuditActor } from "@/lib/audit/record-audit";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createConsoleUser } from "@/lib/members/create-console-user";
import { authenticate } from "@/lib/provisioning/authenticate";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createToken } from "./create-token";
import { hashSecret } from "./mint-token";
import { listTokens } from "./list-tokens";
import { revokeToken } from "./revoke-token";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

async function adminWithIntegration() {
  const tenant = await createTenant(database.db, { slug: `t-${uniqueSuffix()}`, name: "Tenant" });
  const user = await createConsoleUser(database.db, {
    email: `admin-${tenant.slug}@x.test`,
    name: "Admin",
    password: "correct horse battery staple",
    membership: { tenantId: tenant.id, role: "admin" },
  });
  const actor: AuditActor = { userId: user.id, label: user.email };
  const { integration } = await createIntegration(database.db, tenant.id, { provider: "entra" }, cliActor);
  return { tenantId: tenant.id, integration, actor, userId: user.id };
}

describe("createToken", () => {
  it("mints a secret that authenticates, stores only its hash, and audits without the secret", async () => {
    const { tenantId, integration, actor } = await adminWithIntegration();
    const { token, secret } = await createToken(database.db, tenantId, { integrationId: integration.id, description: "  Entra EU  " }, actor);
    expect(token).toMatchObject({ description: "Entra EU", scope: "SCIM", hint: secret.slice(-6), createdByUserId: actor.userId, expiresAt: null });
    const [stored] = await database.db.select().from(tokens).where(eq(tokens.id, token.id));
    expect(stored.secretHash).toBe(hashSecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect((await authenticate(database.db, `Bearer ${secret}`, integration.appKey)).token.id).toBe(token.id);
    const entries = await database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "token.created")));
    expect(entries).toHaveLength(1);
    expect(entries[0].detail).toMatchObject({ tokenId: token.id, hint: token.hint, integrationId: integration.id });
    expect(JSON.stringify(entries[0].detail)).not.toContain(secret);
  });

  it.each([
    ["an empty description", { description: "   " }, "description", "Describe what the token is for"],
    ["a description over 120 characters", { description: "x".repeat(121) }, "description", "Use at most 120 characters"],
    ["an expiry in the past", { expiresAt: new Date(Date.now() - 60_000) }, "expiresAt", "Choose a date in the future"],
    ["a scope other than SCIM", { scope: "admin" }, "scope", "The only scope is SCIM"],
  ])("refuses %s, naming the field", async (_, patch, field, message) => {
    const { tenantId, integration, actor } = await adminWithIntegration();
    const attempt = createToken(database.db, tenantId, { integrationId: integration.id, description: "ok", ...patch }, actor);
    await expect(attempt).rejects.toMatchObject({ code: "bad_input", field, message });
  });

  it("does not find another tenant's integration, and mints nothing there", async () => {
    const mine = await adminWithIntegration();
    const theirs = await adminWithIntegration();
    const attempt = createToken(database.db, mine.tenantId, { integrationId: theirs.integration.id, description: "sneaky" }, mine.actor);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    expect(await listTokens(database.db, theirs.tenantId, { integrationId: theirs.integration.id })).toHaveLength(1);
  });
});

describe("listTokens", () => {
  it("lists an integration's tokens newest first with their status, and never a hash", async () => {
    const { tenantId, integration, actor } = await adminWithIntegration();
    const scope = { integrationId: integration.id };
    const soon = await createToken(database.db, tenantId, { ...scope, description: "Soon", expiresAt: new Date(Date.now() + 1_000) }, actor);
    const revoked = await createToken(database.db, tenantId, { ...scope, description: "Revoked" }, actor);
    await revokeToken(database.db, tenantId, { tokenId: revoked.token.id }, actor);
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const rows = await listTokens(database.db, tenantId, { integrationId: integration.id });
    expect(rows.map((r) => [r.description, r.status])).toEqual([
      ["Revoked", "revoked"],
      ["Soon", "expired"],
      ["Created with the integration", "active"],
    ]);
    expect(rows[1].id).toBe(soon.token.id);
    expect(rows[0]).not.toHaveProperty("secretHash");
  });

  it("lists the tokens one console user created in the tenant, with the integration's name", async () => {
    const { tenantId, integration, actor, userId } = await adminWithIntegration();
    await createToken(database.db, tenantId, { integrationId: integration.id, description: "Mine" }, actor);
    const rows = await listTokens(database.db, tenantId, { createdByUserId: userId });
    expect(rows.map((r) => [r.description, r.integrationName, r.scope])).toEqual([["Mine", "Microsoft Entra ID", "SCIM"]]);
  });

  it("shows nothing of another tenant, even when asked for its integration", async () => {
    const mine = await adminWithIntegration();
    const theirs = await adminWithIntegration();
    expect(await listTokens(database.db, mine.tenantId, { integrationId: theirs.integration.id })).toEqual([]);
  });
});
