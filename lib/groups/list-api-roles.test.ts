import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupMembers } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { callApi } from "@/lib/api-v1/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { listApiRoleMembers } from "./list-api-role-members";
import { listApiRoles } from "./list-api-roles";
import { at, patchBody, provisionGroup, provisionUsers } from "./testing";

let h: ScimHarness;
let keyA: string;
let members: string[];
let big: string;
let small: string;
let removed: string;
let otherTenant: string;

beforeAll(async () => {
  h = await createScimHarness();
  keyA = (await createApiKey(h.db, h.a.tenant.id, { description: "Reader A" }, cliActor)).key;
  members = await provisionUsers(h, h.a.entra, 23, "member");
  big = await provisionGroup(h, h.a.entra, "Everyone", members);
  small = await provisionGroup(h, h.a.entra, "Admins", members.slice(0, 2));
  removed = await provisionGroup(h, h.a.entra, "Former", members.slice(2, 4));
  expect((await h.scim("DELETE", at(h.a.entra, `Groups/${removed}`))).status).toBe(204);
  otherTenant = await provisionGroup(h, h.b.entra, "Theirs", await provisionUsers(h, h.b.entra, 1, "theirs"));
});
afterAll(async () => {
  await h?.close();
});

const roles = (query: string, key: string | null = keyA) => callApi(h.db, key, `/api/v1/roles${query}`, ({ db, tenantId, query: q }) => listApiRoles(db, tenantId, q));
const roleMembers = (id: string, query = "", key: string | null = keyA) =>
  callApi(h.db, key, `/api/v1/roles/${id}/members${query}`, ({ db, tenantId, query: q }) => listApiRoleMembers(db, tenantId, id, q));

/** Every item a walk returns, `limit` at a time, following next until null. */
async function walk(page: (query: string) => ReturnType<typeof roles>, limit: number, from: string | null = null): Promise<{ id: string }[]> {
  const items: { id: string }[] = [];
  let after = from;
  do {
    const res = await page(`?limit=${limit}${after ? `&after=${after}` : ""}`);
    expect(res.status).toBe(200);
    items.push(...res.body.data);
    after = res.body.next;
  } while (after);
  return items;
}

describe("GET /api/v1/roles", () => {
  it("walks every role of the tenant once with its member count, deleted ones included", async () => {
    const listed = await walk(roles, 2);
    expect(listed.map((r) => r.id)).toEqual([big, small, removed].toSorted());
    const byId = Object.fromEntries(listed.map((r) => [r.id, r]));
    expect(byId[big]).toMatchObject({ displayName: "Everyone", memberCount: 23, deletedAt: null, integrationId: h.a.entra.integration.id });
    expect(byId[small]).toMatchObject({ memberCount: 2 });
    expect(byId[removed]).toMatchObject({ memberCount: 0, deletedAt: expect.any(String) });
  });

  it("refuses a bad query with 400 naming the parameter, and a bad key with 401", async () => {
    for (const [query, parameter] of [["?after=zzz", "after"], ["?limit=two", "limit"], ["?status=active", "status"]]) {
      const res = await roles(query);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: "bad_input", message: expect.stringContaining(parameter) });
    }
    expect((await roles("", "sck_nope")).status).toBe(401);
  });
});

describe("GET /api/v1/roles/{id}/members", () => {
  it("pages a role's members in SQL with no gap and no repeat, as people", async () => {
    const listed = await walk((query) => roleMembers(big, query), 5);
    expect(listed.map((p) => p.id)).toEqual(members.toSorted());
    expect(listed[0]).toMatchObject({ userName: expect.any(String), active: true, scim: expect.any(Object) });
    expect((await roleMembers(small)).body).toEqual({ data: [expect.objectContaining({}), expect.objectContaining({})], next: null });
  });

  it("keeps its place while members join and leave between pages", async () => {
    const extra = await provisionUsers(h, h.a.entra, 4, "joiner");
    const first = await roleMembers(small, "?limit=1");
    expect(first.body.next).not.toBeNull();
    const add = patchBody({ op: "add", path: "members", value: extra.map((value) => ({ value })) });
    expect((await h.scim("PATCH", at(h.a.entra, `Groups/${small}`), { body: add })).status).toBeLessThan(300);
    const rest = await walk((query) => roleMembers(small, query), 5, first.body.next);
    const ids = [...first.body.data, ...rest].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(members.slice(0, 2)));
  });

  it("says when each member joined: the membership's own time, later for a later joiner", async () => {
    const [joiner] = await provisionUsers(h, h.a.entra, 1, "late");
    const role = await provisionGroup(h, h.a.entra, "Joined at", members.slice(0, 1));
    expect((await h.scim("PATCH", at(h.a.entra, `Groups/${role}`), { body: patchBody({ op: "add", path: "members", value: [{ value: joiner }] }) })).status).toBe(204);
    const stored = await h.db
      .select({ personId: groupMembers.personId, createdAt: groupMembers.createdAt })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, role));
    const joined = new Map(stored.map((row) => [row.personId, row.createdAt.getTime()]));
    const listed = (await roleMembers(role)).body.data as { id: string; joinedAt: string }[];
    expect(listed.map((m) => [m.id, Date.parse(m.joinedAt)]).sort()).toEqual([...joined.entries()].sort());
    expect(joined.get(joiner)!).toBeGreaterThanOrEqual(joined.get(members[0])!);
  });

  it("answers an empty page for a deleted role", async () => {
    expect((await roleMembers(removed)).body).toEqual({ data: [], next: null });
  });

  it.each([
    ["another tenant's role", () => otherTenant],
    ["an unknown id", () => randomUUID()],
    ["a malformed id", () => "admins"],
  ])("answers 404 not_found for %s", async (_, id) => {
    const res = await roleMembers(id());
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: "not_found", message: expect.any(String) });
  });
});
