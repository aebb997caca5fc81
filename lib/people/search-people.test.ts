import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { getPersonProfile } from "./get-person-profile";
import { searchPeople, type PeopleQuery } from "./search-people";

/**
 * The console's People list and person page, on people the SCIM API itself provisioned:
 * search, status filter, sorting and paging in SQL, and another tenant's ids refused.
 */

let h: ScimHarness;
const ids: Record<string, string> = {};

async function provision(key: string, body: Record<string, unknown>, tenant: "a" | "b" = "a") {
  const res = await h.scim("POST", `${h[tenant].entra.integration.appKey}/Users`, { body: { schemas: [USER_SCHEMA], ...body } });
  expect(res.status).toBe(201);
  ids[key] = res.body.id;
}

beforeAll(async () => {
  h = await createScimHarness();
  await provision("ada", {
    userName: "ada@acme.test",
    name: { givenName: "Ada", familyName: "Lovelace" },
    emails: [{ value: "ada.lovelace@acme.test", type: "work", primary: true }],
    phoneNumbers: [{ value: "+44 20 7946 0000", type: "work" }],
    title: "Analyst",
    [ENTERPRISE_USER_SCHEMA]: { department: "R&D", employeeNumber: "42", manager: { value: "m-1", displayName: "Charles Babbage" } },
  });
  await provision("grace", { userName: "grace@acme.test", displayName: "Grace Hopper", emails: [{ value: "GRACE@Navy.test" }] });
  await provision("linus", { userName: "linus@acme.test", name: { givenName: "Linus", familyName: "Torvalds" } });
  await provision("percent", { userName: "100%_sure@acme.test", displayName: "Percy Cent" });
  await provision("gone", { userName: "gone@acme.test", displayName: "Gone Person" });
  await provision("other", { userName: "ada@globex.test", displayName: "Ada Elsewhere" }, "b");
  const users = `${h.a.entra.integration.appKey}/Users`;
  const off = await h.patchAndRead(`${users}/${ids.linus}`, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] } });
  expect(off.status).toBe(204);
  expect((await h.scim("DELETE", `${users}/${ids.gone}`)).status).toBe(204);
  const group = await h.scim("POST", `${h.a.entra.integration.appKey}/Groups`, {
    body: { schemas: [GROUP_SCHEMA], displayName: "Engineering", members: [{ value: ids.ada }] },
  });
  expect(group.status).toBe(201);
  ids.engineering = group.body.id;
});
afterAll(() => h.close());

const list = (query: Partial<PeopleQuery> = {}) => searchPeople(h.db, h.a.tenant.id, { limit: 50, offset: 0, ...query });
const names = async (query: Partial<PeopleQuery> = {}) => (await list(query)).rows.map((r) => r.name);

describe("searchPeople", () => {
  it("filters by the integration that manages people", async () => {
    const { tenant, entra, okta } = await h.makeTenant("by-integration");
    for (const [who, userName] of [[okta, "olga@acme.test"], [entra, "erin@acme.test"]] as const) {
      const res = await h.scim("POST", `${who.integration.appKey}/Users`, { as: who, body: { schemas: [USER_SCHEMA], userName, displayName: userName } });
      expect(res.status).toBe(201);
    }
    const of = async (integrationId: string) =>
      (await searchPeople(h.db, tenant.id, { limit: 50, offset: 0, integrationId })).rows.map((r) => r.userName);
    expect(await of(okta.integration.id)).toEqual(["olga@acme.test"]);
    expect(await of(entra.integration.id)).toEqual(["erin@acme.test"]);
    expect(await of(h.a.okta.integration.id)).toEqual([]);
  });

  it("lists the tenant's current people by name, leaving out deleted ones and other tenants", async () => {
    expect(await names()).toEqual(["Ada Lovelace", "Grace Hopper", "Linus Torvalds", "Percy Cent"]);
    const { rows, total } = await list();
    expect(total).toBe(4);
    expect(rows[0]).toMatchObject({
      userName: "ada@acme.test",
      primaryEmail: "ada.lovelace@acme.test",
      status: "active",
      region: "HQ",
      integrationName: h.a.entra.integration.name,
    });
  });

  it("filters by status: inactive, deleted (retained) and all", async () => {
    expect((await list({ status: "inactive" })).rows.map((r) => [r.name, r.status])).toEqual([["Linus Torvalds", "inactive"]]);
    expect((await list({ status: "deleted" })).rows.map((r) => [r.name, r.status])).toEqual([["Gone Person", "deleted"]]);
    expect((await list({ status: "all" })).total).toBe(5);
    expect(await names({ status: "active" })).toEqual(["Ada Lovelace", "Grace Hopper", "Percy Cent"]);
  });

  it("searches userName, name and primary email case-insensitively", async () => {
    expect(await names({ search: "LOVELACE" })).toEqual(["Ada Lovelace"]);
    expect(await names({ search: "navy" })).toEqual(["Grace Hopper"]);
    expect(await names({ search: "linus@" })).toEqual(["Linus Torvalds"]);
    expect(await names({ search: "ada" })).toEqual(["Ada Lovelace"]);
    expect(await names({ search: "gone", status: "all" })).toEqual(["Gone Person"]);
  });

  it("binds the search: LIKE wildcards match themselves and SQL is only text", async () => {
    expect(await names({ search: "%" })).toEqual(["Percy Cent"]);
    expect(await names({ search: "_" })).toEqual(["Percy Cent"]);
    expect(await names({ search: "' or 1=1 --" })).toEqual([]);
  });

  it("sorts by each column, both ways, with the id as tie-breaker", async () => {
    expect(await names({ sort: "name", descending: true })).toEqual(["Percy Cent", "Linus Torvalds", "Grace Hopper", "Ada Lovelace"]);
    expect((await list({ sort: "userName" })).rows.map((r) => r.userName)).toEqual([
      "100%_sure@acme.test",
      "ada@acme.test",
      "grace@acme.test",
      "linus@acme.test",
    ]);
    expect((await list({ sort: "status" })).rows.map((r) => r.status)).toEqual(["active", "active", "active", "inactive"]);
    expect((await list({ sort: "updatedAt", descending: true })).rows[0].name).toBe("Linus Torvalds");
  });

  it("pages with limit and offset while counting every match", async () => {
    const first = await list({ limit: 3, offset: 0 });
    const second = await list({ limit: 3, offset: 3 });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect([...first.rows, ...second.rows].map((r) => r.name)).toEqual(await names());
    expect((await list({ offset: 100 })).rows).toEqual([]);
  });

  it("finds nobody of another tenant", async () => {
    expect((await searchPeople(h.db, h.b.tenant.id, { limit: 50, offset: 0 })).rows.map((r) => r.name)).toEqual(["Ada Elsewhere"]);
  });
});

describe("getPersonProfile", () => {
  it("gives the profile with emails, phone numbers, enterprise attributes, integration and roles", async () => {
    const profile = await getPersonProfile(h.db, h.a.tenant.id, ids.ada);
    expect(profile).toMatchObject({
      displayName: "Ada Lovelace",
      userName: "ada@acme.test",
      status: "active",
      region: "HQ",
      integration: { id: h.a.entra.integration.id, name: h.a.entra.integration.name },
      emails: [{ value: "ada.lovelace@acme.test", type: "work", primary: true }],
      phoneNumbers: [{ value: "+44 20 7946 0000", type: "work", primary: false }],
      roles: [{ id: ids.engineering, name: "Engineering" }],
    });
    expect(profile?.attributes).toEqual([
      { label: "Title", value: "Analyst" },
      { label: "Employee number", value: "42" },
      { label: "Department", value: "R&D" },
    ]);
    expect(profile?.manager).toEqual({ reference: "m-1", display: null, person: null });
  });

  it("keeps a deleted person as retained data with status deleted", async () => {
    expect(await getPersonProfile(h.db, h.a.tenant.id, ids.gone)).toMatchObject({ status: "deleted", userName: "gone@acme.test" });
  });

  it("does not find another tenant's person, an unknown id or a malformed one", async () => {
    expect(await getPersonProfile(h.db, h.a.tenant.id, ids.other)).toBeNull();
    expect(await getPersonProfile(h.db, h.b.tenant.id, ids.ada)).toBeNull();
    expect(await getPersonProfile(h.db, h.a.tenant.id, randomUUID())).toBeNull();
    expect(await getPersonProfile(h.db, h.a.tenant.id, "not-a-uuid")).toBeNull();
  });
});
