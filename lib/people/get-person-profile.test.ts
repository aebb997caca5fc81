import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { findPeopleByReference } from "./find-people-by-reference";
import { getPersonProfile } from "./get-person-profile";

/** The person page's Profile: the manager by name, every complex attribute readable, the raw resource. */

let h: ScimHarness;
const ids: Record<string, string> = {};

async function provision(key: string, body: Record<string, unknown>, tenant: "a" | "b" = "a") {
  const res = await h.scim("POST", `${h[tenant].entra.integration.appKey}/Users`, { body: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], ...body } });
  expect(res.status).toBe(201);
  ids[key] = res.body.id;
}

beforeAll(async () => {
  h = await createScimHarness();
  await provision("grace", { userName: "grace@acme.test", displayName: "Grace Hopper", externalId: "aad-grace" });
  await provision("other", { userName: "boss@globex.test", displayName: "Globex Boss", externalId: "aad-boss" }, "b");
  // Entra sends the manager as a bare id (normalised to { value }); here the id in this app.
  await provision("ada", {
    userName: "ada@acme.test",
    displayName: "Ada Lovelace",
    addresses: [{ type: "work", streetAddress: "1 Microsoft Way", locality: "Redmond", region: "WA", postalCode: "98052", country: "US", primary: true }],
    ims: [{ value: "ada@chat", type: "xmpp" }],
    [ENTERPRISE_USER_SCHEMA]: { department: "Research", manager: ids.grace },
  });
  await provision("linus", { userName: "linus@acme.test", [ENTERPRISE_USER_SCHEMA]: { manager: { value: "aad-grace" } } });
  await provision("orphan", { userName: "orphan@acme.test", [ENTERPRISE_USER_SCHEMA]: { manager: { value: "aad-boss" } } });
});
afterAll(() => h.close());

describe("getPersonProfile", () => {
  it("names the manager sent as this app's id", async () => {
    const profile = await getPersonProfile(h.db, h.a.tenant.id, ids.ada);
    expect(profile?.manager).toEqual({ reference: ids.grace, display: null, person: { id: ids.grace, name: "Grace Hopper" } });
  });

  it("names the manager sent as their externalId", async () => {
    const profile = await getPersonProfile(h.db, h.a.tenant.id, ids.linus);
    expect(profile?.manager?.person).toEqual({ id: ids.grace, name: "Grace Hopper" });
  });

  it("keeps the raw reference when the manager is only another tenant's person", async () => {
    const profile = await getPersonProfile(h.db, h.a.tenant.id, ids.orphan);
    expect(profile?.manager).toEqual({ reference: "aad-boss", display: null, person: null });
  });

  it("shows addresses and attributes without a place of their own as text, and keeps the stored resource", async () => {
    const profile = await getPersonProfile(h.db, h.a.tenant.id, ids.ada);
    expect(profile?.addresses).toEqual([{ value: "1 Microsoft Way, Redmond, WA, 98052, US", type: "work", primary: true }]);
    expect(profile?.attributes).toEqual([{ label: "Department", value: "Research" }]);
    expect(profile?.otherAttributes).toEqual([{ label: "ims", value: "ada@chat (xmpp)" }]);
    expect(profile?.resource).toMatchObject({ userName: "ada@acme.test", addresses: [{ locality: "Redmond" }] });
  });
});

describe("findPeopleByReference", () => {
  it("finds by id or externalId within the tenant only, and leaves unknown references out", async () => {
    const found = await findPeopleByReference(h.db, h.a.tenant.id, [ids.grace, "aad-grace", "aad-boss", "nobody", ""]);
    expect(Object.fromEntries(found)).toEqual({
      [ids.grace]: { id: ids.grace, name: "Grace Hopper" },
      "aad-grace": { id: ids.grace, name: "Grace Hopper" },
    });
  });
});
