import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, groupMembers, groups, people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "./testing";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * Versions (RFC 7644 section 3.14: ETag, If-Match, If-None-Match) and PUT as a replace that
 * never wipes server-owned data (RFC 7644 section 3.5.1), against the real database.
 */

let h: ScimHarness;
let users: string;
beforeAll(async () => {
  h = await createScimHarness();
  users = `${h.a.okta.integration.appKey}/Users`;
});
afterAll(() => h.close());

const userBody = (userName = `v-${randomUUID()}@example.com`, extra: Record<string, unknown> = {}) => ({
  schemas: [USER_SCHEMA],
  userName,
  active: true,
  displayName: "Vera",
  emails: [{ type: "work", value: userName, primary: true }],
  ...extra,
});

async function created() {
  const res = await h.scim("POST", users, { body: userBody() });
  expect(res.status).toBe(201);
  return res;
}

const rename = (displayName: string) => ({ schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: displayName }] });

describe("ETag and meta.version", () => {
  it("sends the version as the ETag header on create, GET and every write, and moves it on change", async () => {
    const made = await created();
    const id = made.body.id;
    expect(made.headers.get("etag")).toMatch(/^W\/".+"$/);
    expect(made.headers.get("etag")).toBe(made.body.meta.version);
    const got = await h.scim("GET", `${users}/${id}`);
    expect(got.headers.get("etag")).toBe(made.body.meta.version);
    const patched = await h.patchAndRead(`${users}/${id}`, { body: rename("Changed") });
    expect(patched.status).toBe(204);
    expect(patched.headers.get("etag")).toBe(patched.body.meta.version);
    expect(patched.body.meta.version).not.toBe(made.body.meta.version);
    const put = await h.scim("PUT", `${users}/${id}`, { body: userBody(made.body.userName, { displayName: "Again" }) });
    expect(put.headers.get("etag")).toBe(put.body.meta.version);
    expect(new Set([made.body.meta.version, patched.body.meta.version, put.body.meta.version]).size).toBe(3);
  });

  it("advertises etag support in ServiceProviderConfig", async () => {
    const res = await h.scim("GET", `${h.a.okta.integration.appKey}/ServiceProviderConfig`);
    expect(res.body.etag.supported).toBe(true);
  });
});

describe("If-Match", () => {
  it("answers 412 to a PUT, PATCH or DELETE with a stale version and changes nothing", async () => {
    const made = await created();
    const id = made.body.id;
    const stale = made.body.meta.version;
    const patched = await h.patchAndRead(`${users}/${id}`, { body: rename("Newer") });
    expect(patched.status).toBe(204);
    const headers = { "if-match": stale };
    const put = await h.scim("PUT", `${users}/${id}`, { body: userBody(made.body.userName, { displayName: "Lost update" }), headers });
    expect(put.status).toBe(412);
    expect(put.body.status).toBe("412");
    expect((await h.scim("PATCH", `${users}/${id}`, { body: rename("Lost update"), headers })).status).toBe(412);
    expect((await h.scim("DELETE", `${users}/${id}`, { headers })).status).toBe(412);
    const now = await h.scim("GET", `${users}/${id}`);
    expect(now.status).toBe(200);
    expect(now.body.displayName).toBe("Newer");
    expect(now.body.meta.version).toBe(patched.body.meta.version);
  });

  it("lets a write with the current version, or *, through", async () => {
    const made = await created();
    const id = made.body.id;
    const ok = await h.scim("PATCH", `${users}/${id}`, { body: rename("Current"), headers: { "if-match": made.body.meta.version } });
    expect(ok.status).toBe(204);
    const put = await h.scim("PUT", `${users}/${id}`, { body: userBody(made.body.userName), headers: { "if-match": ok.headers.get("etag")! } });
    expect(put.status).toBe(200);
    expect((await h.scim("DELETE", `${users}/${id}`, { headers: { "if-match": "*" } })).status).toBe(204);
  });
});

describe("If-None-Match", () => {
  it("answers 304 without a body when the client's version is current, 200 when it is stale", async () => {
    const made = await created();
    const id = made.body.id;
    const same = await h.scim("GET", `${users}/${id}`, { headers: { "if-none-match": made.body.meta.version } });
    expect(same.status).toBe(304);
    expect(same.body).toBeUndefined();
    expect(same.headers.get("etag")).toBe(made.body.meta.version);
    await h.scim("PATCH", `${users}/${id}`, { body: rename("Moved on") });
    const changed = await h.scim("GET", `${users}/${id}`, { headers: { "if-none-match": made.body.meta.version } });
    expect(changed.status).toBe(200);
    expect(changed.body.displayName).toBe("Moved on");
  });
});

describe("PUT replaces but keeps server-owned data", () => {
  it("keeps id, meta.created, region and group memberships, and ignores groups in the body", async () => {
    const made = await created();
    const id = made.body.id;
    const [person] = await h.db.select().from(people).where(eq(people.id, id));
    const [group] = await h.db
      .insert(groups)
      .values({ tenantId: person.tenantId, integrationId: person.integrationId, displayName: `Role ${randomUUID()}`, resource: {} })
      .returning();
    await h.db.insert(groupMembers).values({ groupId: group.id, personId: id, tenantId: person.tenantId });
    const body = userBody(made.body.userName, {
      id: randomUUID(),
      meta: { created: "2001-01-01T00:00:00Z", version: 'W/"99"' },
      groups: [],
      displayName: "Replaced",
    });
    const put = await h.scim("PUT", `${users}/${id}`, { body });
    expect(put.status).toBe(200);
    expect(put.body.id).toBe(id);
    expect(put.body.meta.created).toBe(made.body.meta.created);
    expect(put.body.meta.version).not.toBe('W/"99"');
    expect(put.body.groups).toEqual([expect.objectContaining({ value: group.id, display: group.displayName })]);
    const [after] = await h.db.select().from(people).where(eq(people.id, id));
    expect(after.region).toBe(person.region);
    expect(after.region).toBe("HQ");
    expect(after.createdAt).toEqual(person.createdAt);
    expect(await h.db.select().from(groupMembers).where(eq(groupMembers.personId, id))).toHaveLength(1);
  });

  it("removes client attributes the PUT leaves out, and records the diff", async () => {
    const made = await h.scim("POST", users, { body: userBody(undefined, { nickName: "Vee", title: "Lead" }) });
    const id = made.body.id;
    const put = await h.scim("PUT", `${users}/${id}`, { body: userBody(made.body.userName, { title: "Head" }) });
    expect(put.body).not.toHaveProperty("nickName");
    expect(put.body.title).toBe("Head");
    const history = await h.db.select().from(events).where(eq(events.subjectId, id)).orderBy(events.id);
    expect(history.map((e) => e.action)).toEqual(["created", "updated"]);
    expect(history[1].changes).toEqual(
      expect.arrayContaining([
        { path: "nickName", before: "Vee" },
        { path: "title", before: "Lead", after: "Head" },
      ]),
    );
  });

  it("answers 400 invalidValue to a PUT without userName, and 404 to a PUT of an unknown id", async () => {
    const made = await created();
    const noUserName: Record<string, unknown> = userBody();
    delete noUserName.userName;
    const res = await h.scim("PUT", `${users}/${made.body.id}`, { body: noUserName });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidValue");
    expect((await h.scim("PUT", `${users}/${randomUUID()}`, { body: userBody() })).status).toBe(404);
  });

  it("answers a PUT that changes nothing with the same version and no event", async () => {
    const made = await created();
    const put = await h.scim("PUT", `${users}/${made.body.id}`, { body: { ...userBody(made.body.userName), password: "ignored-secret" } });
    expect(put.status).toBe(200);
    expect(put.body.meta.version).toBe(made.body.meta.version);
    expect(await h.db.select().from(events).where(eq(events.subjectId, made.body.id))).toHaveLength(1);
  });

  it("keeps a deactivated person deactivated when a PUT leaves active out", async () => {
    const made = await created();
    const url = `${users}/${made.body.id}`;
    await h.scim("PATCH", url, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] } });
    const { active: _omitted, ...withoutActive } = userBody(made.body.userName, { displayName: "Vera Renamed" });
    void _omitted;
    const put = await h.scim("PUT", url, { body: withoutActive });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ active: false, displayName: "Vera Renamed" });
    const [row] = await h.db.select().from(people).where(eq(people.id, made.body.id));
    expect(row.active).toBe(false);
  });
});
