import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { listPeopleFilterOptions } from "./list-people-filter-options";
import { searchPeople, type PeopleQuery } from "./search-people";

/**
 * The People table at issue #13's level: natural order in SQL, search across every
 * identifier admins look for, filters by role, department and region, each tenant-bound.
 */

let h: ScimHarness;
let tenantId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createScimHarness();
  const { tenant, entra } = await h.makeTenant("filters");
  tenantId = tenant.id;
  const users = `${entra.integration.appKey}/Users`;
  const people: [string, Record<string, unknown>][] = [
    ["u10", { userName: "user10@acme.test", displayName: "User 10", [ENTERPRISE_USER_SCHEMA]: { department: "Research", employeeNumber: "E-1010" } }],
    ["u2", { userName: "user2@acme.test", displayName: "User 2", externalId: "aad-0002", [ENTERPRISE_USER_SCHEMA]: { department: "Sales" } }],
    ["u1", { userName: "user1@acme.test", displayName: "user 1", emails: [{ value: "first@home.test", type: "home" }, { value: "one@work.test", type: "work", primary: true }] }],
    ["u11", { userName: "user11@acme.test", displayName: "User 11", [ENTERPRISE_USER_SCHEMA]: { department: "Research" } }],
  ];
  for (const [key, body] of people) {
    const res = await h.scim("POST", users, { as: entra, body: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], ...body } });
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  }
  const group = await h.scim("POST", `${entra.integration.appKey}/Groups`, {
    as: entra,
    body: { schemas: [GROUP_SCHEMA], displayName: "Admins", members: [{ value: ids.u2 }, { value: ids.u11 }] },
  });
  expect(group.status).toBe(201);
  ids.admins = group.body.id;
  // Another tenant with the same department: never counted here.
  const other = await h.scim("POST", `${h.b.entra.integration.appKey}/Users`, {
    as: h.b.entra,
    body: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], userName: "user3@globex.test", [ENTERPRISE_USER_SCHEMA]: { department: "Research" } },
  });
  expect(other.status).toBe(201);
});
afterAll(() => h.close());

const names = async (query: Partial<PeopleQuery> = {}) => (await searchPeople(h.db, tenantId, { limit: 50, offset: 0, ...query })).rows.map((r) => r.name);

describe("searchPeople natural order", () => {
  it("sorts names with numbers by their value, case-insensitively, both ways", async () => {
    expect(await names({ sort: "name" })).toEqual(["user 1", "User 2", "User 10", "User 11"]);
    expect(await names({ sort: "name", descending: true })).toEqual(["User 11", "User 10", "User 2", "user 1"]);
  });

  it("sorts userNames and emails naturally too, and pages without overlap", async () => {
    const userNames = (await searchPeople(h.db, tenantId, { limit: 50, offset: 0, sort: "userName" })).rows.map((r) => r.userName);
    expect(userNames).toEqual(["user1@acme.test", "user2@acme.test", "user10@acme.test", "user11@acme.test"]);
    const first = await names({ sort: "name", limit: 2, offset: 0 });
    const second = await names({ sort: "name", limit: 2, offset: 2 });
    expect([...first, ...second]).toEqual(["user 1", "User 2", "User 10", "User 11"]);
  });
});

describe("searchPeople search", () => {
  it.each([
    ["a department", "research", ["User 10", "User 11"]],
    ["an employee number", "e-1010", ["User 10"]],
    ["an externalId", "AAD-0002", ["User 2"]],
    ["a secondary email", "first@home", ["user 1"]],
    ["a userName", "user2@", ["User 2"]],
  ])("finds people by %s", async (_what, search, expected) => {
    expect(await names({ search })).toEqual(expected);
  });
});

describe("searchPeople filters", () => {
  it("filters by role, department and region, alone and together", async () => {
    expect(await names({ roleId: ids.admins })).toEqual(["User 2", "User 11"]);
    expect(await names({ department: "Research" })).toEqual(["User 10", "User 11"]);
    expect(await names({ department: "Research", roleId: ids.admins })).toEqual(["User 11"]);
    expect(await names({ region: "HQ" })).toHaveLength(4);
    expect(await names({ region: "EMEA" })).toEqual([]);
  });

  it("finds no one through another tenant's role", async () => {
    const { rows } = await searchPeople(h.db, h.a.tenant.id, { limit: 50, offset: 0, roleId: ids.admins });
    expect(rows).toEqual([]);
  });
});

describe("listPeopleFilterOptions", () => {
  it("offers the tenant's roles, departments and regions, each once and in order", async () => {
    expect(await listPeopleFilterOptions(h.db, tenantId)).toEqual({
      roles: [{ id: ids.admins, name: "Admins" }],
      departments: ["Research", "Sales"],
      regions: ["HQ"],
    });
  });
});

describe("searchPeople count cap", () => {
  it("counts exactly up to the cap and says when there are more", async () => {
    expect(await searchPeople(h.db, tenantId, { limit: 2, offset: 0, countCap: 10 })).toMatchObject({ total: 4, capped: false });
    const capped = await searchPeople(h.db, tenantId, { limit: 2, offset: 0, countCap: 3 });
    expect(capped).toMatchObject({ total: 3, capped: true });
    expect(capped.rows.map((r) => r.name)).toEqual(["user 1", "User 2"]);
    expect(await searchPeople(h.db, tenantId, { limit: 2, offset: 0, countCap: 4 })).toMatchObject({ total: 4, capped: false });
  });
});
