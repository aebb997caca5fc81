import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, integrations, scimRequests, tokens } from "@/db/schema";
import { pruneRequestLog } from "@/lib/activity/prune-request-log";
import { createScimHarness, type ScimHarness } from "./testing";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * The request log (every SCIM request per integration, failures included, secrets removed)
 * and History (one event per change, in the same transaction, with a field-level diff, the
 * integration as actor and the request id), read straight from the database.
 */

let h: ScimHarness;
let users: string;
beforeAll(async () => {
  h = await createScimHarness();
  users = `${h.a.entra.integration.appKey}/Users`;
});
afterAll(() => h.close());

async function logOf(res: { headers: Headers }) {
  const rows = await h.db.select().from(scimRequests).where(eq(scimRequests.requestId, res.headers.get("x-request-id")!));
  expect(rows).toHaveLength(1);
  return rows[0];
}

const historyOf = (id: string) => h.db.select().from(events).where(eq(events.subjectId, id)).orderBy(events.id);

describe("request log", () => {
  it("records a successful list with method, path, query, status, latency, user agent and no body", async () => {
    const res = await h.scim("GET", `${users}?filter=${encodeURIComponent('userName eq "x"')}&count=5`, { headers: { "user-agent": "Microsoft.Identity.Provisioning/1.0" } });
    const row = await logOf(res);
    expect(row).toMatchObject({
      integrationId: h.a.entra.integration.id,
      tenantId: h.a.tenant.id,
      method: "GET",
      path: `/${users}`,
      status: 200,
      scimType: null,
      userAgent: "Microsoft.Identity.Provisioning/1.0",
      requestBody: null,
    });
    expect(new URLSearchParams(row.query).get("filter")).toBe('userName eq "x"');
    expect(row.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("records failures with their status, scimType and detail", async () => {
    const bad = await h.scim("GET", `${users}?filter=${encodeURIComponent("userName eq")}`);
    expect(await logOf(bad)).toMatchObject({ status: 400, scimType: "invalidFilter", detail: expect.any(String) });
    const missing = await h.scim("GET", `${users}/${randomUUID()}`);
    expect(await logOf(missing)).toMatchObject({ status: 404, integrationId: h.a.entra.integration.id });
    const clash = { schemas: [USER_SCHEMA], userName: `log-${randomUUID()}` };
    await h.scim("POST", users, { body: clash });
    const conflict = await h.scim("POST", users, { body: clash });
    expect(await logOf(conflict)).toMatchObject({ status: 409, scimType: "uniqueness", requestBody: clash });
  });

  it("records a refused token under the integration named by the URL, and a keyless one without integration", async () => {
    const keyed = await h.scim("GET", users, { headers: { authorization: "Bearer wrong" } });
    expect(await logOf(keyed)).toMatchObject({ status: 401, integrationId: h.a.entra.integration.id, tenantId: h.a.tenant.id });
    const keyless = await h.scim("GET", "Users", { anonymous: true });
    expect(await logOf(keyless)).toMatchObject({ status: 401, integrationId: null });
  });

  it("keeps the client's X-Request-Id for the log and History", async () => {
    const requestId = `client-${randomUUID()}`;
    const res = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: `rid-${randomUUID()}` }, headers: { "x-request-id": requestId } });
    expect(res.headers.get("x-request-id")).toBe(requestId);
    expect((await logOf(res)).status).toBe(201);
    expect((await historyOf(res.body.id))[0].requestId).toBe(requestId);
  });

  it("never stores a password: not on POST, PUT, path or path-less PATCH, nor in a body that is not JSON", async () => {
    const secret = `Pw-${randomUUID()}`;
    const post = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: `pw-${randomUUID()}`, password: secret } });
    const id = post.body.id;
    const put = await h.scim("PUT", `${users}/${id}`, { body: { schemas: [USER_SCHEMA], userName: post.body.userName, password: secret } });
    const byPath = await h.patchAndRead(`${users}/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "password", value: secret }] } });
    const pathless = await h.patchAndRead(`${users}/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { password: secret } }] } });
    const broken = await h.scim("POST", users, { rawBody: `{"userName":"x","password":"${secret}",}` });
    expect(broken.status).toBe(400);
    for (const res of [post, put, byPath, pathless, broken]) {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      expect(JSON.stringify(res.body)).not.toContain(secret);
      expect(JSON.stringify(await logOf(res))).not.toContain(secret);
    }
    expect(JSON.stringify(await historyOf(id))).not.toContain(secret);
  });

  it("records requests whose bodies cannot be stored as sent: a NUL character, deep nesting", async () => {
    const nul = await h.scim("POST", users, { rawBody: JSON.stringify({ schemas: [USER_SCHEMA], userName: "a\u0000b" }) });
    expect(nul.status).toBe(400);
    expect((await logOf(nul)).status).toBe(400);
    const deep = await h.scim("POST", users, { rawBody: `{"userName":"d","x":${"[".repeat(5000)}${"]".repeat(5000)}}` });
    expect(deep.status).toBe(400);
    expect((await logOf(deep)).status).toBe(400);
  });

  it("marks the token and the integration as used", async () => {
    const fresh = await h.install(h.b.tenant, "okta");
    const [before] = await h.db.select().from(tokens).where(eq(tokens.integrationId, fresh.integration.id));
    expect(before.lastUsedAt).toBeNull();
    await h.scim("GET", `${fresh.integration.appKey}/Users`, { as: fresh });
    const [after] = await h.db.select().from(tokens).where(eq(tokens.integrationId, fresh.integration.id));
    expect(after.lastUsedAt).toBeInstanceOf(Date);
    const [integration] = await h.db.select().from(integrations).where(eq(integrations.id, fresh.integration.id));
    expect(integration.lastRequestAt).toBeInstanceOf(Date);
  });

  it("prunes entries older than the retention period and keeps newer ones", async () => {
    const base = { integrationId: h.a.okta.integration.id, tenantId: h.a.tenant.id, method: "GET", path: "/Users", status: 200, latencyMs: 1 };
    await h.db.insert(scimRequests).values([
      { ...base, requestId: "old-entry", createdAt: new Date(Date.now() - 31 * 86_400_000) },
      { ...base, requestId: "new-entry", createdAt: new Date(Date.now() - 29 * 86_400_000) },
    ]);
    await pruneRequestLog(h.db, 30);
    const left = (await h.db.select().from(scimRequests).orderBy(desc(scimRequests.id))).map((r) => r.requestId);
    expect(left).toContain("new-entry");
    expect(left).not.toContain("old-entry");
  });
});

describe("History", () => {
  it("writes a created event with the values, the integration as actor and the request id", async () => {
    const res = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: `hist-${randomUUID()}`, displayName: "Hist", name: { givenName: "H" } } });
    const [created] = await historyOf(res.body.id);
    expect(created).toMatchObject({
      tenantId: h.a.tenant.id,
      subjectType: "person",
      action: "created",
      actorType: "integration",
      actorId: h.a.entra.integration.id,
      actorLabel: h.a.entra.integration.name,
      requestId: res.headers.get("x-request-id"),
    });
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { path: "userName", after: res.body.userName },
        { path: "displayName", after: "Hist" },
        { path: "name.givenName", after: "H" },
      ]),
    );
  });

  it("writes one updated event per change with the field-level before and after", async () => {
    const res = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: `diff-${randomUUID()}`, displayName: "Old", title: "T" } });
    const patch = await h.patchAndRead(`${users}/${res.body.id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: "New" }, { op: "remove", path: "title" }, { op: "add", path: "name.familyName", value: "F" }] },
    });
    const history = await historyOf(res.body.id);
    expect(history.map((e) => e.action)).toEqual(["created", "updated"]);
    expect(history[1].requestId).toBe(patch.headers.get("x-request-id"));
    expect(history[1].changes).toEqual([
      { path: "displayName", before: "Old", after: "New" },
      { path: "name.familyName", after: "F" },
      { path: "title", before: "T" },
    ]);
  });

  it("writes a deleted event, and nothing for a refused request", async () => {
    const res = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: `del-${randomUUID()}` } });
    await h.patchAndRead(`${users}/${res.body.id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "id", value: "x" }] } });
    await h.scim("PUT", `${users}/${res.body.id}`, { body: { schemas: [USER_SCHEMA] } });
    const del = await h.scim("DELETE", `${users}/${res.body.id}`);
    const history = await historyOf(res.body.id);
    expect(history.map((e) => e.action)).toEqual(["created", "deleted"]);
    expect(history[1].requestId).toBe(del.headers.get("x-request-id"));
  });
});
