import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionsOf, at, memberIdsOf, patchBody, provisionGroup, provisionUsers } from "@/lib/groups/testing";
import { createScimHarness, type ScimHarness } from "./testing";

/** Tenant B's token must never see, change or delete tenant A's groups, nor use A's people. */
let h: ScimHarness;
let groupOfA: string;
let personOfA: string;

beforeAll(async () => {
  h = await createScimHarness();
  [personOfA] = await provisionUsers(h, h.a.entra, 1, "a-person");
  groupOfA = await provisionGroup(h, h.a.entra, "Tenant A only", [personOfA]);
});

afterAll(async () => {
  await h?.close();
});

const rename = patchBody({ op: "replace", path: "displayName", value: "Taken over" });

describe("tenant B's token and tenant A's groups", () => {
  it("cannot read A's group: 404 under B's own key, 401 under A's key", async () => {
    expect((await h.scim("GET", at(h.b.entra, `Groups/${groupOfA}`))).status).toBe(404);
    expect((await h.scim("GET", at(h.a.entra, `Groups/${groupOfA}`), { as: h.b.entra })).status).toBe(401);
  });

  it("does not list or find A's group, by id, name or member", async () => {
    const filters = [`id eq "${groupOfA}"`, 'displayName eq "Tenant A only"', `members[value eq "${personOfA}"]`, ""];
    for (const filter of filters) {
      const res = await h.scim("GET", at(h.b.entra, `Groups?filter=${encodeURIComponent(filter)}`));
      expect(res.status).toBe(200);
      expect(res.body.Resources.map((g: { id: string }) => g.id)).not.toContain(groupOfA);
    }
    const search = await h.scim("POST", at(h.b.entra, "Groups/.search"), { body: { filter: `id eq "${groupOfA}"` } });
    expect(search.body.totalResults).toBe(0);
  });

  it("cannot change or delete A's group: 404, and A's group is untouched", async () => {
    expect((await h.scim("PATCH", at(h.b.entra, `Groups/${groupOfA}`), { body: rename })).status).toBe(404);
    const remove = patchBody({ op: "remove", path: "members" });
    expect((await h.scim("PATCH", at(h.b.okta, `Groups/${groupOfA}`), { body: remove })).status).toBe(404);
    expect((await h.scim("PUT", at(h.b.entra, `Groups/${groupOfA}`), { body: { displayName: "Taken over" } })).status).toBe(404);
    expect((await h.scim("DELETE", at(h.b.entra, `Groups/${groupOfA}`))).status).toBe(404);
    const read = await h.scim("GET", at(h.a.entra, `Groups/${groupOfA}`));
    expect(read.body).toMatchObject({ displayName: "Tenant A only", meta: { version: 'W/"1"' } });
    expect(await memberIdsOf(h, h.a.entra, groupOfA)).toEqual([personOfA]);
    expect(await actionsOf(h.db, groupOfA)).toEqual(["created", "member_added"]);
  });

  it("cannot add A's people to B's groups: they are unknown members", async () => {
    const groupOfB = await provisionGroup(h, h.b.entra, "Tenant B group");
    const add = patchBody({ op: "add", path: "members", value: [{ value: personOfA }] });
    const res = await h.scim("PATCH", at(h.b.entra, `Groups/${groupOfB}`), { body: add });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(personOfA);
    const post = await h.scim("POST", at(h.b.entra, "Groups"), { body: { displayName: "B with A", members: [{ value: personOfA }] } });
    expect(post.status).toBe(400);
    expect(await memberIdsOf(h, h.b.entra, groupOfB)).toEqual([]);
    expect(await actionsOf(h.db, personOfA, "person")).toEqual(["created", "joined_role"]);
  });

  it("cannot add A's group as a member of B's group, nor learn that it is a group", async () => {
    const groupOfB = await provisionGroup(h, h.b.okta, "Tenant B nesting");
    const add = patchBody({ op: "add", path: "members", value: [{ value: groupOfA }] });
    const res = await h.scim("PATCH", at(h.b.okta, `Groups/${groupOfB}`), { body: add });
    expect(res.status).toBe(400);
    expect(res.body.detail).not.toMatch(/nested/i);
  });
});

describe("integrations of one tenant", () => {
  it("keep their groups apart: A's Okta token does not see A's Entra groups", async () => {
    expect((await h.scim("GET", at(h.a.okta, `Groups/${groupOfA}`))).status).toBe(404);
    expect((await h.scim("PATCH", at(h.a.okta, `Groups/${groupOfA}`), { body: rename })).status).toBe(404);
  });
});
