import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scimRequests } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { setIntegrationRateLimit } from "@/lib/integrations/set-integration-rate-limit";
import { DEFAULT_LIMITS } from "./request-guards";
import { createScimHarness, type ScimHarness } from "./testing";

/**
 * Limits (issue #7, item 4): a token bucket per integration, configurable per integration,
 * and failed authentications throttled per source address (X-Forwarded-For as appended by
 * one trusted proxy, TRUST_PROXY=1), answered 429 with Retry-After and a SCIM error body.
 */
process.env.TRUST_PROXY = "1";

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness({ limits: { integrationPerSecond: 3, failedAuthBurst: 3, failedAuthPerSecond: 0.5 } });
});
afterAll(() => h.close());

const from = (address: string, authorization?: string) => ({
  headers: { "x-forwarded-for": `10.9.9.9, ${address}`, ...(authorization ? { authorization } : {}) },
});

function expectThrottled(res: { status: number; headers: Headers; body: Record<string, unknown> }, retryAfter: string) {
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toBe(retryAfter);
  expect(res.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "429", detail: expect.any(String) });
  expect(res.headers.get("content-type")).toMatch(/^application\/scim\+json/);
}

describe("the per-integration rate limit", () => {
  it("is well above Entra ID's 25 requests per second by default", () => {
    expect(DEFAULT_LIMITS.integrationPerSecond).toBeGreaterThanOrEqual(4 * 25);
  });

  it("answers 429 once the integration's bucket is empty, and again 200 after Retry-After", async () => {
    const dir = await h.install(h.a.tenant, "entra");
    const users = `${dir.integration.appKey}/Users`;
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await h.scim("GET", users, { as: dir })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const refused = await h.scim("GET", users, { as: dir });
    expectThrottled(refused, "1");
    expect(refused.body.detail).toMatch(/3 requests per second/);
    expect((await h.scim("GET", `${h.a.entra.integration.appKey}/Users`)).status).toBe(200);
    h.advance(1_000);
    expect((await h.scim("GET", users, { as: dir })).status).toBe(200);
  });

  it("follows the integration's own setting", async () => {
    const dir = await h.install(h.a.tenant, "okta");
    const updated = await setIntegrationRateLimit(h.db, { integrationId: dir.integration.id, tenantId: h.a.tenant.id }, 1, cliActor);
    const as = { ...dir, integration: updated };
    const users = `${dir.integration.appKey}/Users`;
    expect((await h.scim("GET", users, { as })).status).toBe(200);
    expect((await h.scim("GET", users, { as })).status).toBe(200);
    const refused = await h.scim("GET", users, { as });
    expectThrottled(refused, "1");
    expect(refused.body.detail).toMatch(/1 requests per second/);
    await expect(setIntegrationRateLimit(h.db, { integrationId: dir.integration.id, tenantId: h.b.tenant.id }, 5, cliActor)).rejects.toThrow(/No such integration/);
    await expect(setIntegrationRateLimit(h.db, { integrationId: dir.integration.id }, 0, cliActor)).rejects.toThrow(/from 1 to 10000/);
  });
});

describe("the failed-authentication throttle", () => {
  it("answers 429 to an address after its burst of failures, without holding back other addresses", async () => {
    const users = `${h.b.entra.integration.appKey}/Users`;
    const attacker = "203.0.113.7";
    for (let i = 0; i < 3; i++) expect((await h.scim("GET", users, from(attacker, `Bearer ${randomUUID()}`))).status).toBe(401);
    const refused = await h.scim("GET", users, from(attacker, `Bearer ${randomUUID()}`));
    expectThrottled(refused, "2");
    expect(refused.body.detail).toMatch(/failed authentications from 203\.0\.113\.7/);
    expect((await h.scim("GET", users, from("198.51.100.9", "Bearer wrong"))).status).toBe(401);
    h.advance(2_000);
    expect((await h.scim("GET", users, from(attacker, "Bearer wrong"))).status).toBe(401);
    expect((await h.scim("GET", users, from(attacker, "Bearer wrong"))).status).toBe(429);
  });

  it("lets a credential that worked recently through an address that is held back", async () => {
    const users = `${h.b.okta.integration.appKey}/Users`;
    const shared = "192.0.2.44";
    const good = `Bearer ${h.b.okta.secret}`;
    expect((await h.scim("GET", users, from(shared, good))).status).toBe(200);
    for (let i = 0; i < 3; i++) await h.scim("GET", users, from(shared, `Bearer ${randomUUID()}`));
    expect((await h.scim("GET", users, from(shared, `Bearer ${randomUUID()}`))).status).toBe(429);
    expect((await h.scim("GET", users, from(shared, good))).status).toBe(200);
  });

  it("logs the refusals as unauthenticated summaries with the address the proxy reported", async () => {
    const res = await h.scim("POST", `${h.b.entra.integration.appKey}/Users`, { ...from("203.0.113.7", "Bearer nope"), body: { userName: "x" } });
    expect(res.status).toBe(429);
    const [row] = await h.db.select().from(scimRequests).where(eq(scimRequests.requestId, res.headers.get("x-request-id")!));
    expect(row).toMatchObject({ status: 429, authenticated: false, sourceAddress: "203.0.113.7", requestBody: null, integrationId: h.b.entra.integration.id });
  });
});
