import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, tokens } from "@/db/schema";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { hashSecret } from "@/lib/tokens/mint-token";
import { DEFAULT_STAFF_TOKEN_DESCRIPTION, mintTokenOnRequest } from "./mint-token-on-request";
import { staffAndAdmin } from "./testing";
import type { StaffMember } from "./staff-actor";

let h: ScimHarness;
let staff: StaffMember;
let admin: StaffMember;
beforeAll(async () => {
  h = await createScimHarness();
  ({ staff, admin } = await staffAndAdmin(h));
});
afterAll(() => h.close());

const tokenAudit = (tenantId: string) =>
  h.db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "staff.token_minted")));

describe("mintTokenOnRequest", () => {
  it("mints a secret that authenticates SCIM GET /Users for that integration, over Bearer and Okta's Basic", async () => {
    const okta = h.b.okta.integration;
    const minted = await mintTokenOnRequest(h.db, staff, { integrationId: okta.id, reason: "  Ticket #4711  " }, { sourceAddress: "203.0.113.9" });
    expect(minted.tenant).toMatchObject({ id: h.b.tenant.id, slug: h.b.tenant.slug });
    expect(minted.integration).toMatchObject({ id: okta.id, appKey: okta.appKey, provider: "okta" });
    const bearer = await h.scim("GET", `${okta.appKey}/Users`, { headers: { authorization: `Bearer ${minted.secret}` } });
    expect(bearer.status).toBe(200);
    expect(bearer.body.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);
    const basic = Buffer.from(`${okta.appKey}:${minted.secret}`).toString("base64");
    expect((await h.scim("GET", `${okta.appKey}/Users`, { headers: { authorization: `Basic ${basic}` } })).status).toBe(200);
    // The token names its own integration only: under another's key it is refused.
    const elsewhere = await h.scim("GET", `${h.a.entra.integration.appKey}/Users`, { headers: { authorization: `Bearer ${minted.secret}` } });
    expect(elsewhere.status).toBe(401);
  });

  it("stores only the hash, and audits in the tenant who minted it, why, and never the secret", async () => {
    const entra = h.a.entra.integration;
    const { token, secret } = await mintTokenOnRequest(h.db, staff, { integrationId: entra.id, reason: "Ticket 99: lost token", description: "Entra EU" });
    const [stored] = await h.db.select().from(tokens).where(eq(tokens.id, token.id));
    expect(stored).toMatchObject({ tenantId: h.a.tenant.id, description: "Entra EU", secretHash: hashSecret(secret), createdByUserId: staff.id });
    const entries = await tokenAudit(h.a.tenant.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: staff.id,
      actorLabel: `${staff.email} (platform staff)`,
      detail: { tokenId: token.id, hint: token.hint, integrationId: entra.id, name: entra.name, reason: "Ticket 99: lost token" },
    });
    expect(JSON.stringify(entries)).not.toContain(secret);
    const { rows } = await listAuditLog(h.db, h.a.tenant.id, { category: "staff", limit: 10, offset: 0 });
    expect(rows[0].description).toBe(`Minted a token ending …${token.hint} for ${entra.name} on request: "Ticket 99: lost token"`);
  });

  it("describes the token as minted on request when staff give no description", async () => {
    const { token } = await mintTokenOnRequest(h.db, staff, { integrationId: h.a.okta.integration.id, reason: "Ticket 7", description: "  " });
    expect(token.description).toBe(DEFAULT_STAFF_TOKEN_DESCRIPTION);
  });

  it.each([
    ["no reason", { reason: "   " }, "reason", "Give the reason: the support ticket that asked for it"],
    ["a reason over 500 characters", { reason: "x".repeat(501) }, "reason", "Use at most 500 characters"],
    ["a description over 120 characters", { reason: "T-1", description: "x".repeat(121) }, "description", "Use at most 120 characters"],
    ["an integration id that is not one", { reason: "T-1", integrationId: "nope" }, "integrationId", "Choose an integration"],
  ])("refuses %s, naming the field, and mints nothing", async (_, patch, field, message) => {
    const before = await h.db.select().from(tokens);
    const attempt = mintTokenOnRequest(h.db, staff, { integrationId: h.b.entra.integration.id, ...patch });
    await expect(attempt).rejects.toMatchObject({ code: "bad_input", field, message });
    expect(await h.db.select().from(tokens)).toHaveLength(before.length);
  });

  it("answers not found for an integration that does not exist", async () => {
    const attempt = mintTokenOnRequest(h.db, staff, { integrationId: "00000000-0000-4000-8000-000000000000", reason: "T-2" });
    await expect(attempt).rejects.toMatchObject({ code: "not_found", field: "integrationId" });
  });

  it("refuses a tenant's admin, who is not platform staff, even for their own tenant, and audits nothing", async () => {
    const before = await h.db.select().from(tokens);
    const attempt = mintTokenOnRequest(h.db, admin, { integrationId: h.a.entra.integration.id, reason: "Just because" });
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    expect(await h.db.select().from(tokens)).toHaveLength(before.length);
    expect((await tokenAudit(h.a.tenant.id)).filter((e) => e.actorUserId === admin.id)).toEqual([]);
  });
});
