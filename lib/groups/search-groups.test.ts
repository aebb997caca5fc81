import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { GROUP_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { getGroupProfile } from "./get-group-profile";
import { listGroupMembers } from "./list-group-members";
import { searchGroups, type GroupsQuery } from "./search-groups";

/** Groups shown as roles: member counts, search, sorting, members paged, other tenants refused. */

let h: ScimHarness;
const people: string[] = [];
const roles: Record<string, string> = {};

beforeAll(async () => {
  h = await createScimHarness();
  const key = h.a.entra.integration.appKey;
  for (const name of ["Zoe Zimmer", "Amy Adams", "Bea Brown"]) {
    const res = await h.scim("POST", `${key}/Users`, { body: { schemas: [USER_SCHEMA], userName: `${name.split(" ")[0].toLowerCase()}@acme.test`, displayName: name } });
    people.push(res.body.id);
  }
  const group = async (displayName: string, members: string[], tenant: "a" | "b" = "a") => {
    const res = await h.scim("POST", `${h[tenant].entra.integration.appKey}/Groups`, {
      body: { schemas: [GROUP_SCHEMA], displayName, members: members.map((value) => ({ value })) },
    });
    expect(res.status).toBe(201);
    roles[displayName] = res.body.id;
  };
  await group("Sales", people);
  await group("Engineering", [people[1]]);
  await group("Empty role", []);
  await group("Retired", [people[0]]);
  await group("Globex only", [], "b");
  expect((await h.scim("DELETE", `${key}/Groups/${roles.Retired}`)).status).toBe(204);
});
afterAll(() => h.close());

const list = (query: Partial<GroupsQuery> = {}) => searchGroups(h.db, h.a.tenant.id, { limit: 50, offset: 0, ...query });

describe("searchGroups", () => {
  it("lists current roles by name with their member counts and integration", async () => {
    const { rows, total } = await list();
    expect(total).toBe(3);
    expect(rows.map((r) => [r.name, r.memberCount])).toEqual([["Empty role", 0], ["Engineering", 1], ["Sales", 3]]);
    expect(rows[0]).toMatchObject({ integrationName: h.a.entra.integration.name, deleted: false });
  });

  it("searches case-insensitively and sorts by member count", async () => {
    expect((await list({ search: "SAL" })).rows.map((r) => r.name)).toEqual(["Sales"]);
    expect((await list({ sort: "members", descending: true })).rows.map((r) => r.name)).toEqual(["Sales", "Engineering", "Empty role"]);
  });

  it("shows deleted roles only when asked, with no members left", async () => {
    expect((await list({ status: "deleted" })).rows.map((r) => [r.name, r.memberCount, r.deleted])).toEqual([["Retired", 0, true]]);
    expect((await list({ status: "all" })).total).toBe(4);
  });

  it("pages while counting every match", async () => {
    const page = await list({ limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, rows: [{ name: "Sales" }] });
  });
});

describe("getGroupProfile and listGroupMembers", () => {
  it("gives a role with its member count and pages its members by name", async () => {
    expect(await getGroupProfile(h.db, h.a.tenant.id, roles.Sales)).toMatchObject({ name: "Sales", memberCount: 3, deletedAt: null });
    const first = await listGroupMembers(h.db, h.a.tenant.id, roles.Sales, { limit: 2, offset: 0 });
    const rest = await listGroupMembers(h.db, h.a.tenant.id, roles.Sales, { limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect([...first.rows, ...rest.rows].map((r) => r.name)).toEqual(["Amy Adams", "Bea Brown", "Zoe Zimmer"]);
    expect(first.rows[0]).toMatchObject({ userName: "amy@acme.test", status: "active" });
  });

  it("does not find another tenant's role, nor list its members", async () => {
    expect(await getGroupProfile(h.db, h.b.tenant.id, roles.Sales)).toBeNull();
    expect(await getGroupProfile(h.db, h.a.tenant.id, roles["Globex only"])).toBeNull();
    expect(await getGroupProfile(h.db, h.a.tenant.id, randomUUID())).toBeNull();
    expect(await getGroupProfile(h.db, h.a.tenant.id, "sales")).toBeNull();
    expect(await listGroupMembers(h.db, h.b.tenant.id, roles.Sales, { limit: 50, offset: 0 })).toEqual({ rows: [], total: 0 });
  });
});
