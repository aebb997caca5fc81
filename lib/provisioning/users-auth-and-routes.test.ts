import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { setIntegrationStatus } from "@/lib/integrations/set-integration-status";
import { tenantUrl } from "@/lib/integrations/tenant-url";
import { mintToken } from "@/lib/tokens/mint-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * Authentication (Bearer, or HTTP Basic appKey:secret as in seed 003) and routing: every
 * refusal is a 401 with a SCIM error body and WWW-Authenticate (RFC 7644 section 2); the keyed
 * and keyless URL forms, a trailing slash and Entra's aadOptscim062020 flag work on every route.
 */

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

function expectRefused(res: { status: number; headers: Headers; body: Record<string, unknown> }) {
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401", detail: expect.any(String) });
  expect(res.headers.get("www-authenticate")).toMatch(/Bearer/);
  expect(res.headers.get("content-type")).toMatch(/^application\/scim\+json/);
}

describe("authentication", () => {
  let dir: Installed;
  let users: string;
  beforeAll(async () => {
    dir = await h.install(h.a.tenant, "entra");
    users = `${dir.integration.appKey}/Users`;
  });

  it("accepts the integration's Bearer token, and Basic appKey:secret", async () => {
    expect((await h.scim("GET", users, { as: dir })).status).toBe(200);
    expect((await h.scim("GET", users, { as: dir, basic: true })).status).toBe(200);
    expect((await h.scim("GET", "Users", { as: dir, basic: true })).status).toBe(200);
  });

  it.each([
    ["no Authorization header", { anonymous: true }],
    ["a wrong Bearer token", { headers: { authorization: "Bearer scim_not-a-real-token" } }],
    ["an empty Bearer token", { headers: { authorization: "Bearer " } }],
    ["an unknown scheme", { headers: { authorization: "Token abc" } }],
    ["Basic without a colon", { headers: { authorization: `Basic ${Buffer.from("just-a-secret").toString("base64")}` } }],
  ])("refuses %s with 401", async (_name, call) => {
    expectRefused(await h.scim("GET", users, call));
  });

  it("refuses a token used under another integration's key, in the same tenant or another", async () => {
    expectRefused(await h.scim("GET", users, { as: h.a.okta }));
    expectRefused(await h.scim("GET", users, { as: h.b.entra }));
    const header = `Basic ${Buffer.from(`${h.a.okta.integration.appKey}:${dir.secret}`).toString("base64")}`;
    expectRefused(await h.scim("GET", "Users", { headers: { authorization: header } }));
  });

  it("refuses a revoked token, and keeps accepting the integration's other tokens", async () => {
    const other = await mintToken(h.db, { tenantId: dir.integration.tenantId, integrationId: dir.integration.id });
    const victim = await mintToken(h.db, { tenantId: dir.integration.tenantId, integrationId: dir.integration.id });
    const bearer = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });
    expect((await h.scim("GET", users, bearer(victim.secret))).status).toBe(200);
    await revokeToken(h.db, null, { tokenId: victim.token.id }, cliActor);
    expectRefused(await h.scim("GET", users, bearer(victim.secret)));
    expect((await h.scim("GET", users, bearer(other.secret))).status).toBe(200);
  });

  it("refuses an expired token and accepts one that expires later", async () => {
    const scope = { tenantId: dir.integration.tenantId, integrationId: dir.integration.id };
    const expired = await mintToken(h.db, { ...scope, expiresAt: new Date(Date.now() - 1_000) });
    const later = await mintToken(h.db, { ...scope, expiresAt: new Date(Date.now() + 3_600_000) });
    expectRefused(await h.scim("GET", users, { headers: { authorization: `Bearer ${expired.secret}` } }));
    expect((await h.scim("GET", users, { headers: { authorization: `Bearer ${later.secret}` } })).status).toBe(200);
  });

  it("refuses every request of a disabled integration, writes included", async () => {
    const off = await h.install(h.a.tenant, "okta");
    const path = `${off.integration.appKey}/Users`;
    const made = await h.scim("POST", path, { as: off, body: { schemas: [USER_SCHEMA], userName: `off-${randomUUID()}` } });
    expect(made.status).toBe(201);
    await setIntegrationStatus(h.db, null, { integrationId: off.integration.id, status: "disabled" }, cliActor);
    expectRefused(await h.scim("GET", path, { as: off }));
    expectRefused(await h.scim("GET", "Users", { as: off }));
    expectRefused(await h.scim("DELETE", `${path}/${made.body.id}`, { as: off }));
    expectRefused(await h.scim("POST", path, { as: off, basic: true, body: { schemas: [USER_SCHEMA], userName: `off-${randomUUID()}` } }));
    await setIntegrationStatus(h.db, null, { integrationId: off.integration.id, status: "active" }, cliActor);
    expect((await h.scim("GET", `${path}/${made.body.id}`, { as: off })).status).toBe(200);
  });
});

describe("routes", () => {
  const key = () => h.a.entra.integration.appKey;

  it("serves the keyless form with the token naming the integration", async () => {
    const made = await h.scim("POST", "Users", { as: h.a.entra, body: { schemas: [USER_SCHEMA], userName: `keyless-${randomUUID()}` } });
    expect(made.status).toBe(201);
    expect(made.body.meta.location).toBe(`http://localhost:3000/api/scim/v2/${key()}/Users/${made.body.id}`);
    expect((await h.scim("GET", `${key()}/Users/${made.body.id}`)).status).toBe(200);
  });

  it("tolerates a trailing slash on every Users route", async () => {
    const made = await h.scim("POST", `${key()}/Users/`, { body: { schemas: [USER_SCHEMA], userName: `slash-${randomUUID()}` } });
    expect(made.status).toBe(201);
    const id = made.body.id;
    expect((await h.scim("GET", `${key()}/Users/`)).status).toBe(200);
    expect((await h.scim("GET", `${key()}/Users/${id}/`)).body.id).toBe(id);
    expect((await h.scim("POST", `${key()}/Users/.search/`, { body: { filter: `id eq "${id}"` } })).body.totalResults).toBe(1);
    const patched = await h.patchAndRead(`${key()}/Users/${id}/`, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nickName", value: "s" }] } });
    expect(patched.body.nickName).toBe("s");
    expect((await h.scim("PUT", `${key()}/Users/${id}/`, { body: { schemas: [USER_SCHEMA], userName: made.body.userName } })).status).toBe(200);
    expect((await h.scim("GET", `${key()}/ServiceProviderConfig/`)).status).toBe(200);
    expect((await h.scim("DELETE", `${key()}/Users/${id}/`)).status).toBe(204);
  });

  it("tolerates Entra's aadOptscim062020 flag on every route, as the Tenant URL carries it", async () => {
    const tenant = new URL(tenantUrl(h.a.entra.integration, "http://localhost:3000"));
    expect(tenant.search).toBe("?aadOptscim062020");
    const at = (suffix: string) => `${key()}${suffix}?aadOptscim062020`;
    const made = await h.scim("POST", at("/Users"), { body: { schemas: [USER_SCHEMA], userName: `flag-${randomUUID()}` } });
    expect(made.status).toBe(201);
    const id = made.body.id;
    expect((await h.scim("GET", at(`/Users/${id}`))).status).toBe(200);
    expect((await h.scim("GET", `${at("/Users")}&filter=${encodeURIComponent(`id eq "${id}"`)}`)).body.totalResults).toBe(1);
    const patched = await h.patchAndRead(at(`/Users/${id}`), { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] } });
    expect(patched.body.active).toBe(false);
    expect((await h.scim("PUT", at(`/Users/${id}`), { body: { schemas: [USER_SCHEMA], userName: made.body.userName } })).status).toBe(200);
    for (const path of ["/ServiceProviderConfig", "/ResourceTypes", "/Schemas"]) expect((await h.scim("GET", at(path))).status).toBe(200);
    expect((await h.scim("DELETE", at(`/Users/${id}`))).status).toBe(204);
  });

  it("reads resource names in any case", async () => {
    expect((await h.scim("GET", `${key()}/users`)).status).toBe(200);
    expect((await h.scim("GET", `${key()}/USERS?count=1`)).body.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);
  });
});
