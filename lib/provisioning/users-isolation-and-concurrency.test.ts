import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeEvents, events, people } from "@/db/schema";
import { commitPersonChange, PersonChangedMeanwhile } from "@/lib/people/internal/commit-person-change";
import { queuedOnPerson } from "@/lib/people/testing";
import { createScimHarness, type ScimHarness } from "./testing";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * Tenant B's tokens never see, change or delete tenant A's people (another tenant's row is
 * 404, never 403), and concurrent requests resolve in the database: one winner of a duplicate
 * create, no lost update. Under PGlite requests are serialised; CI runs this file against
 * PostgreSQL too (TEST_DATABASE_URL), where they really overlap.
 */

let h: ScimHarness;
let alice: { id: string; userName: string; meta: { version: string } };
const aUsers = () => `${h.a.entra.integration.appKey}/Users`;
const bUsers = () => `${h.b.entra.integration.appKey}/Users`;

beforeAll(async () => {
  h = await createScimHarness();
  const res = await h.scim("POST", aUsers(), { body: { schemas: [USER_SCHEMA], userName: `alice-${randomUUID()}@a.example`, externalId: "alice-ext", displayName: "Alice of A" } });
  expect(res.status).toBe(201);
  alice = res.body;
});
afterAll(() => h.close());

async function aliceUnchanged() {
  const [row] = await h.db.select().from(people).where(eq(people.id, alice.id));
  expect(row.deletedAt).toBeNull();
  expect(row.displayName).toBe("Alice of A");
  expect(row.version).toBe(1);
  expect(await h.db.select().from(events).where(eq(events.subjectId, alice.id))).toHaveLength(1);
}

describe("tenant isolation", () => {
  const filters = () => [
    `id eq "${alice.id}"`,
    `userName eq "${alice.userName}"`,
    'externalId eq "alice-ext"',
    'displayName co "Alice"',
    "userName pr",
  ];

  it("never lists A's people to B's token, by any filter, keyed or keyless", async () => {
    for (const path of [bUsers(), "Users"]) {
      for (const filter of filters()) {
        const res = await h.scim("GET", `${path}?filter=${encodeURIComponent(filter)}`, { as: h.b.entra });
        expect(res.status).toBe(200);
        expect(res.body.totalResults, `${path} ${filter}`).toBe(0);
      }
      const all = await h.scim("GET", path, { as: h.b.entra });
      expect(all.body.Resources.map((r: { id: string }) => r.id)).not.toContain(alice.id);
    }
    const search = await h.scim("POST", `${bUsers()}/.search`, { body: { filter: `id eq "${alice.id}"` }, as: h.b.entra });
    expect(search.body.totalResults).toBe(0);
  });

  it("answers 404 to B's token for GET, PUT, PATCH and DELETE of A's person, and A's person is untouched", async () => {
    for (const path of [`${bUsers()}/${alice.id}`, `Users/${alice.id}`]) {
      const get = await h.scim("GET", path, { as: h.b.entra });
      expect(get.status).toBe(404);
      expect(JSON.stringify(get.body)).not.toContain(alice.userName);
      const put = await h.scim("PUT", path, { body: { schemas: [USER_SCHEMA], userName: "taken-over" }, as: h.b.entra });
      expect(put.status).toBe(404);
      const patch = await h.patchAndRead(path, {
        body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: "Hacked" }] },
        as: h.b.entra,
      });
      expect(patch.status).toBe(404);
      expect((await h.scim("DELETE", path, { as: h.b.entra })).status).toBe(404);
    }
    await aliceUnchanged();
  });

  it("refuses B's token under A's app key with 401", async () => {
    for (const method of ["GET", "DELETE"]) {
      const res = await h.scim(method, `${aUsers()}/${alice.id}`, { as: h.b.entra });
      expect(res.status).toBe(401);
    }
    expect((await h.scim("GET", aUsers(), { as: h.b.okta, basic: true })).status).toBe(401);
    await aliceUnchanged();
  });

  it("keeps another integration of the same tenant from seeing A's Entra people", async () => {
    const res = await h.scim("GET", `${h.a.okta.integration.appKey}/Users/${alice.id}`);
    expect(res.status).toBe(404);
    const listed = await h.scim("GET", `${h.a.okta.integration.appKey}/Users?filter=${encodeURIComponent(`id eq "${alice.id}"`)}`);
    expect(listed.body.totalResults).toBe(0);
  });
});

describe("concurrency", () => {
  it("lets exactly one of five identical concurrent creates win; the rest answer 409", async () => {
    const body = { schemas: [USER_SCHEMA], userName: `race-${randomUUID()}@example.com` };
    const results = await Promise.all(Array.from({ length: 5 }, () => h.scim("POST", aUsers(), { body })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.scimType).toBe("uniqueness");
    const rows = await h.db.select().from(people).where(eq(people.userName, body.userName));
    expect(rows).toHaveLength(1);
  });

  it("lets one of concurrent creates that differ only in case win", async () => {
    const userName = `Case-Race-${randomUUID()}@Example.com`;
    const names = [userName, userName.toLowerCase(), userName.toUpperCase()];
    const results = await Promise.all(names.map((n) => h.scim("POST", aUsers(), { body: { schemas: [USER_SCHEMA], userName: n } })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it("applies ten concurrent PATCHes to one person without losing any", async () => {
    const made = await h.scim("POST", aUsers(), { body: { schemas: [USER_SCHEMA], userName: `many-${randomUUID()}` } });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.scim("PATCH", `${aUsers()}/${made.body.id}`, {
          body: { schemas: [PATCH_OP], Operations: [{ op: "add", path: "emails", value: [{ value: `m${i}@example.com`, type: "other" }] }] },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(204));
    const after = await h.scim("GET", `${aUsers()}/${made.body.id}`);
    expect(after.body.emails.map((e: { value: string }) => e.value).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}@example.com`).sort());
    const [row] = await h.db.select().from(people).where(eq(people.id, made.body.id));
    expect(row.version).toBe(11);
  });

  it("applies a PATCH on top of a write that landed between its read and its write", async () => {
    const made = await h.scim("POST", aUsers(), { body: { schemas: [USER_SCHEMA], userName: `between-${randomUUID()}` } });
    const patch = (path: string, value: string) => () =>
      h.scim("PATCH", `${aUsers()}/${made.body.id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path, value }] } });
    // On PostgreSQL both read version 1 and queue to write: the second finds version 2 and
    // must read again, locked, instead of overwriting the first or giving up.
    const results = await queuedOnPerson(h.db, made.body.id, patch("nickName", "Nick"), patch("title", "Engineer"));
    expect(results.map((r) => (r as { status: number }).status)).toEqual([204, 204]);
    const after = await h.scim("GET", `${aUsers()}/${made.body.id}`);
    expect([after.body.nickName, after.body.title, after.body.meta.version]).toEqual(["Nick", "Engineer", 'W/"3"']);
    const history = await h.db.select({ action: events.action }).from(events).where(eq(events.subjectId, made.body.id)).orderBy(events.id);
    expect(history.map((e) => e.action)).toEqual(["created", "updated", "updated"]);
  });

  it("stores nothing for a change read from a version that is no longer current", async () => {
    const made = await h.scim("POST", aUsers(), { body: { schemas: [USER_SCHEMA], userName: `stale-${randomUUID()}` } });
    const [stale] = await h.db.select().from(people).where(eq(people.id, made.body.id));
    const patched = await h.scim("PATCH", `${aUsers()}/${made.body.id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nickName", value: "Fresh" }] },
    });
    expect(patched.status).toBe(204);
    const actor = { type: "integration" as const, id: h.a.entra.integration.id, label: "test" };
    await expect(commitPersonChange(h.db, stale, { ...stale.resource, title: "Stale" }, actor)).rejects.toBeInstanceOf(PersonChangedMeanwhile);
    const [row] = await h.db.select().from(people).where(eq(people.id, made.body.id));
    expect([row.version, row.resource.nickName, row.resource.title]).toEqual([2, "Fresh", undefined]);
    expect(await h.db.select().from(events).where(eq(events.subjectId, made.body.id))).toHaveLength(2);
    expect(await h.db.select().from(changeEvents).where(eq(changeEvents.personId, made.body.id))).toHaveLength(2);
  });

  it("lets one of several concurrent writes with the same If-Match through; the rest answer 412", async () => {
    const made = await h.scim("POST", aUsers(), { body: { schemas: [USER_SCHEMA], userName: `cas-${randomUUID()}` } });
    const results = await Promise.all(
      ["one", "two", "three"].map((nickName) =>
        h.scim("PATCH", `${aUsers()}/${made.body.id}`, {
          body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nickName", value: nickName }] },
          headers: { "if-match": made.body.meta.version },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 412, 412]);
  });
});
