import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, events } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP } from "@/lib/scim/schemas/urns";
import { deactivatePerson } from "./deactivate-person";
import { exportPerson } from "./export-person";
import { reactivatePerson } from "./reactivate-person";
import { provisionGroup, provisionPerson } from "./testing";

/** Support's deactivate, reactivate and export: SCIM sees them at once, History says who and why. */

let h: ScimHarness;
const support = { userId: null, label: "support@vendor.test" };
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

const scimUser = async (id: string) => (await h.scim("GET", `${h.a.entra.integration.appKey}/Users/${id}`)).body;
const historyOf = (id: string) =>
  h.db.select().from(events).where(and(eq(events.subjectType, "person"), eq(events.subjectId, id))).orderBy(events.id);

describe("deactivatePerson and reactivatePerson", () => {
  it("flip active over SCIM at once and record who and why in History and the audit log", async () => {
    const ada = await provisionPerson(h);
    const before = await scimUser(ada.id);
    await deactivatePerson(h.db, h.a.tenant.id, { personId: ada.id, reason: "Left on leave", version: 1 }, support);
    const after = await scimUser(ada.id);
    expect(after.active).toBe(false);
    expect(after.meta.version).not.toBe(before.meta.version);
    await reactivatePerson(h.db, h.a.tenant.id, { personId: ada.id }, support);
    expect((await scimUser(ada.id)).active).toBe(true);

    const history = await historyOf(ada.id);
    expect(history.slice(-2).map((e) => [e.action, e.actorLabel, e.reason])).toEqual([
      ["deactivated", support.label, "Left on leave"],
      ["reactivated", support.label, null],
    ]);
    expect(history.at(-2)?.changes).toEqual([{ path: "active", before: true, after: false }]);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.tenantId, h.a.tenant.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["person.deactivated", "person.reactivated"]));
  });

  it("leaves the identity provider's next push of active the winner", async () => {
    const ada = await provisionPerson(h);
    await deactivatePerson(h.db, h.a.tenant.id, { personId: ada.id }, support);
    const push = await h.patchAndRead(`${h.a.entra.integration.appKey}/Users/${ada.id}`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: "True" }] },
    });
    expect(push.status).toBe(204);
    expect((await scimUser(ada.id)).active).toBe(true);
  });

  it("refuses a replay after the person changed, a no-op, a deleted person and another tenant's person", async () => {
    const ada = await provisionPerson(h);
    await deactivatePerson(h.db, h.a.tenant.id, { personId: ada.id, version: 1 }, support);
    await reactivatePerson(h.db, h.a.tenant.id, { personId: ada.id, version: 2 }, support);
    await expect(deactivatePerson(h.db, h.a.tenant.id, { personId: ada.id, version: 1 }, support)).rejects.toMatchObject({ code: "conflict" });
    await expect(reactivatePerson(h.db, h.a.tenant.id, { personId: ada.id }, support)).rejects.toThrow(/already active/);
    await expect(deactivatePerson(h.db, h.b.tenant.id, { personId: ada.id }, support)).rejects.toMatchObject({ code: "not_found" });
    expect((await scimUser(ada.id)).active).toBe(true);

    const gone = await provisionPerson(h, "gone");
    await h.scim("DELETE", `${h.a.entra.integration.appKey}/Users/${gone.id}`);
    await expect(deactivatePerson(h.db, h.a.tenant.id, { personId: gone.id }, support)).rejects.toThrow(/only a permanent delete/);
  });

  it("refuses a reason over 500 characters", async () => {
    const ada = await provisionPerson(h);
    await expect(deactivatePerson(h.db, h.a.tenant.id, { personId: ada.id, reason: "x".repeat(501) }, support)).rejects.toThrow(/500/);
  });
});

describe("exportPerson", () => {
  it("hands out the person's row, resource, roles, History and requests, and audits it", async () => {
    const ada = await provisionPerson(h);
    const roleId = await provisionGroup(h, [ada.id]);
    await deactivatePerson(h.db, h.a.tenant.id, { personId: ada.id, reason: "DSAR check" }, support);
    const data = await exportPerson(h.db, h.a.tenant.id, ada.id, support);
    expect(data.person).toMatchObject({ id: ada.id, userName: ada.userName, active: false });
    expect(data.scimResource).toMatchObject({ emails: [{ value: ada.workEmail }] });
    expect(data.roles.map((r) => r.id)).toEqual([roleId]);
    expect(data.history.map((e) => e.action)).toEqual(["created", "joined_role", "deactivated"]);
    expect(data.history.at(-1)?.reason).toBe("DSAR check");
    expect(JSON.parse(JSON.stringify(data)).person.id).toBe(ada.id);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "person.exported"));
    expect(audit.map((a) => a.detail)).toContainEqual({ personId: ada.id });
    await expect(exportPerson(h.db, h.b.tenant.id, ada.id, support)).rejects.toMatchObject({ code: "not_found" });
  });
});
