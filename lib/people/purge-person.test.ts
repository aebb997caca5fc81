import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, events, people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP } from "@/lib/scim/schemas/urns";
import { queryEncoded } from "./internal/like-any";
import { purgePerson } from "./purge-person";
import { provisionGroup, provisionPerson, tracesOf } from "./testing";

/**
 * A permanent delete leaves no personal data in any table (found by scanning every row of
 * every table, so a table added later is covered too), keeps a tombstone in History, frees
 * the userName, and works on a person in any state.
 */

let h: ScimHarness;
const support = { userId: null, label: "support@vendor.test" };
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

const users = () => `${h.a.entra.integration.appKey}/Users`;
const needlesOf = (p: Awaited<ReturnType<typeof provisionPerson>>) => {
  const plain = [p.userName, p.givenName, p.familyName, p.workEmail, p.externalId, "renamed-" + p.familyName];
  return [...plain, ...plain.map(queryEncoded)];
};

async function leaveTraces(p: Awaited<ReturnType<typeof provisionPerson>>) {
  await provisionGroup(h, [p.id]);
  const patch = await h.patchAndRead(`${users()}/${p.id}`, {
    body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "name.familyName", value: `renamed-${p.familyName}` }] },
  });
  expect(patch.status).toBe(204);
  // A filter naming them, and a refused duplicate whose error detail names them.
  expect((await h.scim("GET", `${users()}?filter=${encodeURIComponent(`userName eq "${p.userName}"`)}`)).status).toBe(200);
  expect((await h.scim("POST", users(), { body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: p.userName } })).status).toBe(409);
  expect(await tracesOf(h.db, needlesOf(p))).not.toHaveLength(0);
}

describe("purgePerson", () => {
  it("removes every trace of an active person, keeps a tombstone, and SCIM answers 404", async () => {
    const ada = await provisionPerson(h);
    await leaveTraces(ada);
    await purgePerson(h.db, h.a.tenant.id, { personId: ada.id, reason: "GDPR request 42", confirmUserName: ada.userName.toUpperCase() }, support);

    expect(await tracesOf(h.db, needlesOf(ada))).toEqual([]);
    expect((await h.scim("GET", `${users()}/${ada.id}`)).status).toBe(404);
    const history = await h.db.select().from(events).where(and(eq(events.subjectType, "person"), eq(events.subjectId, ada.id)));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "purged", actorLabel: support.label, reason: "GDPR request 42", changes: [] });
    const [row] = await h.db.select().from(people).where(eq(people.id, ada.id));
    expect(row.purgedAt).not.toBeNull();
    expect(row.deletedAt).not.toBeNull();
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "person.purged"));
    expect(audit.map((a) => a.detail)).toContainEqual({ personId: ada.id, reason: "GDPR request 42" });
  });

  it("lets the same userName be provisioned again as a new person", async () => {
    const ada = await provisionPerson(h);
    await purgePerson(h.db, h.a.tenant.id, { personId: ada.id, confirmUserName: null }, support);
    const again = await h.scim("POST", users(), { body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: ada.userName } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(ada.id);
  });

  it("purges inactive and deleted-retained people too", async () => {
    const inactive = await provisionPerson(h, "ina");
    await h.patchAndRead(`${users()}/${inactive.id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] } });
    const deleted = await provisionPerson(h, "del");
    expect((await h.scim("DELETE", `${users()}/${deleted.id}`)).status).toBe(204);
    for (const p of [inactive, deleted]) {
      await purgePerson(h.db, h.a.tenant.id, { personId: p.id, confirmUserName: p.userName }, support);
      expect(await tracesOf(h.db, needlesOf(p))).toEqual([]);
    }
  });

  it("refuses a wrong confirmation, a second purge, and another tenant's person (not found)", async () => {
    const ada = await provisionPerson(h);
    await expect(purgePerson(h.db, h.a.tenant.id, { personId: ada.id, confirmUserName: "someone-else" }, support)).rejects.toMatchObject({ code: "bad_input", field: "confirmUserName" });
    await expect(purgePerson(h.db, h.b.tenant.id, { personId: ada.id, confirmUserName: null }, support)).rejects.toMatchObject({ code: "not_found" });
    await expect(purgePerson(h.db, h.a.tenant.id, { personId: "not-a-uuid", confirmUserName: null }, support)).rejects.toMatchObject({ code: "not_found" });
    expect((await h.scim("GET", `${users()}/${ada.id}`)).status).toBe(200);
    await purgePerson(h.db, h.a.tenant.id, { personId: ada.id, confirmUserName: null }, support);
    await expect(purgePerson(h.db, h.a.tenant.id, { personId: ada.id, confirmUserName: null }, support)).rejects.toMatchObject({ code: "conflict" });
  });

  it("keeps other people's log entries and History", async () => {
    const ada = await provisionPerson(h);
    const bob = await provisionPerson(h, "bob");
    await purgePerson(h.db, h.a.tenant.id, { personId: ada.id, confirmUserName: null }, support);
    expect(await tracesOf(h.db, [bob.userName, bob.familyName])).not.toHaveLength(0);
    expect((await h.scim("GET", `${users()}/${bob.id}`)).body.userName).toBe(bob.userName);
  });
});
