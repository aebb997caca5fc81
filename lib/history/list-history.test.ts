import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { findPeopleByReference } from "@/lib/people/find-people-by-reference";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { describeEvent, describeHistory, readablePath } from "./describe-event";
import { managerReferences } from "./manager-references";
import { listHistory } from "./list-history";

/** A person's and a role's History as the console reads it: newest first, paged, tenant-bound. */

let h: ScimHarness;
let person: string;
let role: string;
const requestIds: string[] = [];

beforeAll(async () => {
  h = await createScimHarness();
  const key = h.a.entra.integration.appKey;
  const created = await h.scim("POST", `${key}/Users`, { body: { schemas: [USER_SCHEMA], userName: "ada@acme.test", title: "Analyst" } });
  person = created.body.id;
  requestIds.push(created.headers.get("x-request-id")!);
  const retitled = await h.scim("PATCH", `${key}/Users/${person}`, {
    body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "title", value: "Engineer" }] },
  });
  requestIds.push(retitled.headers.get("x-request-id")!);
  const group = await h.scim("POST", `${key}/Groups`, { body: { schemas: [GROUP_SCHEMA], displayName: "Engineering", members: [{ value: person }] } });
  role = group.body.id;
  requestIds.push(group.headers.get("x-request-id")!);
  const off = await h.scim("PATCH", `${key}/Users/${person}`, {
    body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] },
  });
  requestIds.push(off.headers.get("x-request-id")!);
});
afterAll(() => h.close());

describe("listHistory", () => {
  it("gives a person's events newest first with the diff, the integration as actor and the request id", async () => {
    const { rows, total } = await listHistory(h.db, h.a.tenant.id, { type: "person", id: person }, { limit: 50, offset: 0 });
    expect(total).toBe(4);
    expect(rows.map((r) => r.action)).toEqual(["deactivated", "joined_role", "updated", "created"]);
    expect(rows.map((r) => r.requestId)).toEqual([...requestIds].reverse());
    expect(rows[0]).toMatchObject({ actorType: "integration", actorLabel: h.a.entra.integration.name, changes: [{ path: "active", before: true, after: false }] });
    expect(rows[2].changes).toEqual([{ path: "title", before: "Analyst", after: "Engineer" }]);
  });

  it("pages with a total", async () => {
    const page = await listHistory(h.db, h.a.tenant.id, { type: "person", id: person }, { limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.action)).toEqual(["updated", "created"]);
  });

  it("gives a role's events, membership included", async () => {
    const { rows } = await listHistory(h.db, h.a.tenant.id, { type: "group", id: role }, { limit: 50, offset: 0 });
    expect(rows.map((r) => r.action).sort()).toEqual(["created", "member_added"]);
  });

  it("has nothing for another tenant, nor for the id as the other subject type", async () => {
    expect(await listHistory(h.db, h.b.tenant.id, { type: "person", id: person }, { limit: 50, offset: 0 })).toEqual({ rows: [], total: 0 });
    expect((await listHistory(h.db, h.a.tenant.id, { type: "group", id: person }, { limit: 50, offset: 0 })).total).toBe(0);
  });
});

describe("describeEvent", () => {
  it.each([
    ["person", "deactivated", [], "Ada was deactivated"],
    ["person", "created", [], "Ada was provisioned"],
    ["person", "deleted", [], "Ada was deleted (data retained)"],
    ["person", "joined_role", [{ path: "groups", after: { value: "g", display: "Sales" } }], "Ada joined the role Sales"],
    ["person", "left_role", [{ path: "groups", before: { value: "g", display: "Sales" } }], "Ada left the role Sales"],
    ["group", "member_added", [{ path: "members", after: { value: "p", display: "Bob" } }], "Bob was added to Ada"],
    ["group", "member_removed", [{ path: "members", before: { value: "p", display: "Bob" } }], "Bob was removed from Ada"],
    ["group", "renamed", [], "Ada was renamed"],
    ["person", "something_new", [], "Ada: something new"],
  ] as const)("%s %s reads as a sentence", (type, action, changes, sentence) => {
    expect(describeEvent(type, action, [...changes], "Ada")).toBe(sentence);
  });

  it("shortens the enterprise URN", () => {
    expect(readablePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")).toBe("enterprise.department");
  });
});

describe("describeHistory", () => {
  it("names a manager by id and links them, keeps an unknown reference, and shows an address as text", async () => {
    const key = h.a.entra.integration.appKey;
    const boss = await h.scim("POST", `${key}/Users`, { body: { schemas: [USER_SCHEMA], userName: "grace@acme.test", displayName: "Grace Hopper" } });
    const created = await h.scim("POST", `${key}/Users`, { body: { schemas: [USER_SCHEMA], userName: "alan@acme.test" } });
    const alan = created.body.id;
    const patch = (Operations: unknown[]) => h.scim("PATCH", `${key}/Users/${alan}`, { body: { schemas: [PATCH_OP], Operations } });
    // Entra's PATCH of the manager: a bare id as the value (see lib/scim/normalize.ts).
    expect((await patch([{ op: "Add", path: `${ENTERPRISE_USER_SCHEMA}:manager`, value: "aad-unknown" }])).status).toBe(204);
    expect((await patch([{ op: "Replace", path: `${ENTERPRISE_USER_SCHEMA}:manager`, value: boss.body.id }])).status).toBe(204);
    expect((await patch([{ op: "Add", path: "addresses", value: [{ type: "work", locality: "Redmond", country: "US" }] }])).status).toBe(204);

    const { rows } = await listHistory(h.db, h.a.tenant.id, { type: "person", id: alan }, { limit: 50, offset: 0 });
    const people = await findPeopleByReference(h.db, h.a.tenant.id, managerReferences(rows));
    const [address, manager] = describeHistory(rows, "person", "Alan", people);
    expect(manager.changes).toEqual([
      expect.objectContaining({ path: "enterprise.manager.value", before: "aad-unknown", beforeHref: undefined, after: "Grace Hopper", afterHref: `/people/${boss.body.id}` }),
    ]);
    expect(address.changes).toEqual([expect.objectContaining({ path: "addresses", before: null, after: "Redmond, US (work)" })]);
  });
});
