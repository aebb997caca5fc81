import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scimRequests } from "@/db/schema";
import { MAX_LOGGED_BODY_BYTES } from "./logged-body";
import { createScimHarness, type ScimHarness } from "./testing";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * What the request log keeps (issue #7, item 3): of a request whose credentials were not
 * accepted, only a bounded summary, sampled so a flood adds a bounded number of rows; of an
 * authenticated one, the redacted body up to 64 KiB, within the tenant's daily allowance.
 */
let h: ScimHarness;
let users: string;
beforeAll(async () => {
  h = await createScimHarness({ limits: { summariesPerMinute: 5, failedAuthBurst: 1_000, bodyBytesPerTenantPerDay: 150_000 } });
  users = `${h.a.entra.integration.appKey}/Users`;
});
afterAll(() => h.close());

async function logOf(res: { headers: Headers }) {
  const rows = await h.db.select().from(scimRequests).where(eq(scimRequests.requestId, res.headers.get("x-request-id")!));
  return rows[0];
}

const padded = (bytes: number) => ({ schemas: [USER_SCHEMA], userName: `big-${randomUUID()}`, padding: "n".repeat(bytes) });

describe("requests without accepted credentials", () => {
  it("keep only a summary: no body, no query, a short user agent, marked unauthenticated", async () => {
    const marker = `payload-${randomUUID()}`;
    const res = await h.scim("POST", `${users}?note=${marker}`, {
      body: { schemas: [USER_SCHEMA], userName: marker },
      headers: { authorization: "Bearer wrong", "user-agent": `agent-${"u".repeat(5_000)}` },
    });
    expect(res.status).toBe(401);
    const row = await logOf(res);
    expect(row).toMatchObject({ status: 401, authenticated: false, integrationId: h.a.entra.integration.id, requestBody: null, query: "" });
    expect(row.userAgent!.length).toBeLessThanOrEqual(200);
    expect(JSON.stringify(row)).not.toContain(marker);
  });

  it("keep no body when the URL names no integration either", async () => {
    const marker = `keyless-${randomUUID()}`;
    const res = await h.scim("PATCH", `Users/${marker}`, { anonymous: true, body: { marker } });
    const row = await logOf(res);
    expect(row).toMatchObject({ status: 401, authenticated: false, integrationId: null, tenantId: null, requestBody: null });
    expect(row.path.length).toBeLessThanOrEqual(200);
  });

  it("add at most the per-minute cap of rows however many arrive, then say how many were only counted", async () => {
    const key = (await h.install(h.b.tenant, "generic")).integration.appKey;
    const flood = Array.from({ length: 40 }, () =>
      h.scim("POST", `${key}/Users`, { body: padded(10), headers: { authorization: `Bearer ${randomUUID()}` } }),
    );
    expect((await Promise.all(flood)).every((res) => res.status === 401)).toBe(true);
    const path = `/${key}/Users`;
    const logged = await h.db.select().from(scimRequests).where(eq(scimRequests.path, path));
    expect(logged).toHaveLength(5);
    h.advance(60_000);
    const next = await h.scim("GET", `${key}/Users`, { headers: { authorization: "Bearer wrong" } });
    expect((await logOf(next)).detail).toMatch(/35 similar requests before this one were counted/);
  });
});

describe("authenticated request bodies", () => {
  it("are kept in full up to 64 KiB", async () => {
    const res = await h.scim("POST", users, { body: padded(1_000) });
    expect(res.status).toBe(201);
    const row = await logOf(res);
    expect(row.bodyTruncated).toBe(false);
    expect(row.requestBody).toMatchObject({ userName: res.body.userName });
  });

  it("over 64 KiB are cut to 64 KiB of their redacted JSON and marked truncated", async () => {
    const body = { ...padded(100_000), password: `Pw-${randomUUID()}` };
    const res = await h.scim("POST", users, { body });
    expect(res.status).toBe(201);
    const row = await logOf(res);
    expect(row.bodyTruncated).toBe(true);
    expect(typeof row.requestBody).toBe("string");
    const kept = row.requestBody as string;
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(MAX_LOGGED_BODY_BYTES);
    expect(kept.startsWith(`{"schemas":["${USER_SCHEMA}"],"userName":"${body.userName}"`)).toBe(true);
    expect(kept).not.toContain(body.password);
  });

  it("stop being kept once the tenant's daily allowance is used up, for that tenant only", async () => {
    // Earlier tests used about 67 KB of tenant A's 150,000 bytes: one more 60 KB body fits, a second does not.
    const kept = await h.scim("POST", users, { body: padded(60_000) });
    const over = await h.scim("POST", users, { body: padded(60_000) });
    const otherTenant = await h.scim("POST", `${h.b.entra.integration.appKey}/Users`, { body: padded(60_000) });
    expect([kept.status, over.status, otherTenant.status]).toEqual([201, 201, 201]);
    expect((await logOf(kept)).requestBody).toMatchObject({ userName: kept.body.userName });
    expect((await logOf(over)).requestBody).toEqual({ notKept: expect.stringContaining("daily allowance") });
    expect((await logOf(otherTenant)).requestBody).toMatchObject({ userName: otherTenant.body.userName });
    h.advance(24 * 60 * 60_000);
    const nextDay = await h.scim("POST", users, { body: padded(100) });
    expect((await logOf(nextDay)).requestBody).toMatchObject({ userName: nextDay.body.userName });
  });

  it("that are not JSON are not kept, so no secret in them can be", async () => {
    const secret = `Pw-${randomUUID()}`;
    for (const rawBody of [`password=${secret}&userName=x`, `{"password": "a,${secret}"`, `userName: x\npwd ${secret}`]) {
      const res = await h.scim("POST", users, { rawBody, headers: { "content-type": "application/scim+json" } });
      expect(res.status).toBe(400);
      const row = await logOf(res);
      expect(JSON.stringify(row)).not.toContain(secret);
      expect(row.requestBody).toEqual({ notJson: expect.stringMatching(/^\d+ bytes, not kept/) });
    }
  });
});

describe("the hourly prune", () => {
  it("keeps the newest summaries of refused requests per integration and no more", async () => {
    const { pruneRequestLog } = await import("@/lib/activity/prune-request-log");
    await pruneRequestLog(h.db, 30, 3);
    const keyless = await h.db.select().from(scimRequests).where(and(eq(scimRequests.authenticated, false), isNull(scimRequests.integrationId)));
    expect(keyless.length).toBeLessThanOrEqual(3);
    const authenticated = await h.db.select().from(scimRequests).where(eq(scimRequests.authenticated, true));
    expect(authenticated.length).toBeGreaterThan(3);
  });
});
