import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, people } from "@/db/schema";
import { describeEvent } from "@/lib/history/describe-event";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { entraCreateUser } from "@/lib/scim/fixtures/entra";
import { oktaCreateUser } from "@/lib/scim/fixtures/okta";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

/**
 * A tenant moving from Okta to Microsoft Entra ID: the people Okta provisioned already exist
 * when Entra's first sync looks them up (nothing: each integration sees its own people) and
 * POSTs them. Refused, the 409 names who manages them; taken over, they move to Entra.
 */
let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

const unique = () => randomBytes(4).toString("hex");
const usersOf = (i: Installed) => `${i.integration.appKey}/Users`;

function oktaBody(userName: string, email = userName) {
  return { ...structuredClone(oktaCreateUser), userName, emails: [{ primary: true, value: email, type: "work" }] };
}

function entraBody(userName: string, email = userName, extra: Record<string, unknown> = {}) {
  return { ...structuredClone(entraCreateUser), userName, externalId: `entra-${userName}`, emails: [{ primary: true, type: "work", value: email }], ...extra };
}

async function provision(i: Installed, body: Record<string, unknown>) {
  const res = await h.scim("POST", usersOf(i), { body, as: i });
  expect(res.status).toBe(201);
  return res.body as { id: string; userName: string };
}

/** Entra's create cycle: look the user up by userName, then POST when nothing is found. */
async function entraSync(entra: Installed, body: Record<string, unknown>) {
  const filter = encodeURIComponent(`userName eq "${String(body.userName)}"`);
  const found = await h.scim("GET", `${usersOf(entra)}?filter=${filter}`, { as: entra });
  expect(found.status).toBe(200);
  if (found.body.totalResults > 0) return { status: 200, body: found.body.Resources[0] };
  return h.scim("POST", usersOf(entra), { body, as: entra });
}

describe("refusing people another integration manages (the default)", () => {
  it("answers 409 uniqueness naming the integration that manages the person", async () => {
    const tenant = await h.makeTenant("refuse");
    const person = await provision(tenant.okta, oktaBody(`ada.${unique()}@example.com`));
    const res = await entraSync(tenant.entra, entraBody(person.userName));
    expect(res.status).toBe(409);
    expect(res.body.scimType).toBe("uniqueness");
    expect(res.body.detail).toContain(`managed by the integration "${tenant.okta.integration.name}"`);
    expect(res.body.detail).toContain('"Take over"');
  });

  it("answers a group's 409 naming the integration that manages the group", async () => {
    const tenant = await h.makeTenant("groups");
    const displayName = `Engineering ${unique()}`;
    const body = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName };
    expect((await h.scim("POST", `${tenant.okta.integration.appKey}/Groups`, { body, as: tenant.okta })).status).toBe(201);
    const res = await h.scim("POST", `${tenant.entra.integration.appKey}/Groups`, { body, as: tenant.entra });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe(`A group named "${displayName}" already exists in this tenant, managed by the integration "${tenant.okta.integration.name}"`);
    const again = await h.scim("POST", `${tenant.okta.integration.appKey}/Groups`, { body, as: tenant.okta });
    expect(again.body.detail).toBe(`A group named "${displayName}" already exists in this tenant`);
  });

  it("keeps the plain 409 for a duplicate within one integration", async () => {
    const tenant = await h.makeTenant("dup");
    const person = await provision(tenant.okta, oktaBody(`dup.${unique()}@example.com`));
    const res = await h.scim("POST", usersOf(tenant.okta), { body: oktaBody(person.userName), as: tenant.okta });
    expect(res.status).toBe(409);
    expect(res.body.detail).not.toContain("managed by");
  });
});

describe("taking over people another integration manages", () => {
  it("moves 100 people from Okta to Entra without a single 409, with History on each", async () => {
    const { tenant, okta } = await h.makeTenant("move");
    const entra = await h.install(tenant, "entra", { matchExisting: "takeOver" });
    const names = Array.from({ length: 100 }, (_, n) => `person${n}.${unique()}@example.com`);
    const fromOkta = [];
    for (const name of names) {
      h.advance(1000);
      fromOkta.push(await provision(okta, oktaBody(name)));
    }

    const statuses: number[] = [];
    for (const [n, name] of names.entries()) {
      if (n === 50) {
        // Half way, the console shows who is still managed by Okta.
        const counts = new Map((await listIntegrations(h.db, tenant.id)).map((c) => [c.id, c.people]));
        expect([counts.get(okta.integration.id), counts.get(entra.integration.id)]).toEqual([50, 50]);
      }
      // Entra paces its sync; the harness clock moves a second per person, under the rate limit.
      h.advance(1000);
      const res = await entraSync(entra, entraBody(name, name, { displayName: `Moved ${name}` }));
      statuses.push(res.status);
      expect(res.body.displayName).toBe(`Moved ${name}`);
    }
    expect(statuses).toEqual(Array(100).fill(201));

    const rows = await h.db.select().from(people).where(eq(people.tenantId, tenant.id));
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.integrationId === entra.integration.id)).toBe(true);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(fromOkta.map((p) => p.id)));

    const moves = await h.db.select().from(events).where(and(eq(events.tenantId, tenant.id), eq(events.action, "taken_over")));
    expect(moves).toHaveLength(100);
    const sentence = describeEvent("person", "taken_over", moves[0].changes, "Ada");
    expect(sentence).toBe(`Ada is now managed by ${entra.integration.name}, previously ${okta.integration.name}`);
    expect(moves[0].actorLabel).toBe(entra.integration.name);

    // Okta no longer sees them; Entra finds them by its own lookup from now on.
    const gone = await h.scim("GET", `${usersOf(okta)}/${fromOkta[0].id}`, { as: okta });
    expect(gone.status).toBe(404);
    const again = await entraSync(entra, entraBody(names[0]));
    expect(again).toMatchObject({ status: 200, body: { id: fromOkta[0].id } });
  });

  it("matches by primary email when the userName differs, and keeps the person's id and data the body does not own", async () => {
    const { tenant, okta } = await h.makeTenant("email");
    const entra = await h.install(tenant, "entra", { matchExisting: "takeOver" });
    const email = `grace.${unique()}@example.com`;
    const before = await provision(okta, oktaBody(email));
    const res = await entraSync(entra, entraBody(`grace-upn-${unique()}@contoso.onmicrosoft.com`, email.toUpperCase()));
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(before.id);
    const [row] = await h.db.select().from(people).where(eq(people.id, before.id));
    expect(row.integrationId).toBe(entra.integration.id);
    expect(row.userName).toMatch(/^grace-upn-/);
    expect(row.version).toBe(2);
  });

  it("answers a POST that took a person over with the roles they keep, and a new person's with none", async () => {
    const { tenant } = await h.makeTenant("roles");
    const before = await h.install(tenant, "generic");
    const entra = await h.install(tenant, "entra", { matchExisting: "takeOver" });
    const userName = `ada.${unique()}@example.com`;
    const person = await provision(before, entraBody(userName));
    const group = await h.scim("POST", `${before.integration.appKey}/Groups`, {
      body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `Engineers ${unique()}`, members: [{ value: person.id }] },
      as: before,
    });
    expect(group.status).toBe(201);
    const moved = await h.scim("POST", usersOf(entra), { body: entraBody(userName), as: entra });
    expect(moved.status).toBe(201);
    expect(moved.body.groups).toEqual([expect.objectContaining({ value: group.body.id, display: group.body.displayName })]);
    const fresh = await h.scim("POST", usersOf(entra), { body: entraBody(`new.${unique()}@example.com`), as: entra });
    expect(fresh.status).toBe(201);
    expect(fresh.body.groups ?? []).toEqual([]);
  });

  it("refuses when the primary email alone matches several people", async () => {
    const { tenant, okta } = await h.makeTenant("ambiguous");
    const generic = await h.install(tenant, "generic");
    const entra = await h.install(tenant, "entra", { matchExisting: "takeOver" });
    const email = `shared.${unique()}@example.com`;
    await provision(okta, oktaBody(`one.${unique()}@example.com`, email));
    await provision(generic, oktaBody(`two.${unique()}@example.com`, email));
    const res = await entraSync(entra, entraBody(`three.${unique()}@example.com`, email));
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain("2 people of other integrations");
  });

  it("never takes over a deleted person or another tenant's person", async () => {
    const { tenant, okta } = await h.makeTenant("scoped");
    const entra = await h.install(tenant, "entra", { matchExisting: "takeOver" });
    const elsewhere = await h.makeTenant("elsewhere");
    const shared = `shared.${unique()}@example.com`;
    const theirs = await provision(elsewhere.okta, oktaBody(shared));
    const deleted = await provision(okta, oktaBody(`deleted.${unique()}@example.com`));
    expect((await h.scim("DELETE", `${usersOf(okta)}/${deleted.id}`, { as: okta })).status).toBe(204);

    const fresh = await entraSync(entra, entraBody(shared));
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(theirs.id);
    const recreated = await entraSync(entra, entraBody(deleted.userName));
    expect(recreated.status).toBe(201);
    expect(recreated.body.id).not.toBe(deleted.id);
    const [kept] = await h.db.select().from(people).where(eq(people.id, theirs.id));
    expect(kept.integrationId).toBe(elsewhere.okta.integration.id);
  });
});
