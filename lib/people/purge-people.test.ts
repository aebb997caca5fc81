import { randomUUID } from "node:crypto";
import { and, eq, isNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { PURGE_BATCH_SIZE, purgePeople } from "./purge-people";
import { provisionPerson, tracesOf } from "./testing";

/** Bulk permanent delete: the confirmed count, batches of PURGE_BATCH_SIZE, tenant-scoped. */

let h: ScimHarness;
const support = { userId: null, label: "support@vendor.test" };
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

/** Many people straight into the table: the SCIM path is covered elsewhere, volume is the point here. */
async function insertPeople(count: number, tag: string) {
  const rows = Array.from({ length: count }, (_, i) => {
    const userName = `${tag}-${i}@bulk.example`;
    return { tenantId: h.a.tenant.id, integrationId: h.a.entra.integration.id, userName, primaryEmail: userName, resource: { userName } };
  });
  await h.db.insert(people).values(rows);
}

describe("purgePeople", () => {
  it("purges everyone matching the filter in batches, each audited, leaving no trace", async () => {
    const tag = `bulk${randomUUID().slice(0, 8)}`;
    const count = PURGE_BATCH_SIZE * 2 + 50;
    await insertPeople(count, tag);
    await expect(purgePeople(h.db, h.a.tenant.id, { search: tag, status: "all", confirmCount: count - 1 }, support)).rejects.toMatchObject({ code: "conflict", field: "confirmCount" });
    const result = await purgePeople(h.db, h.a.tenant.id, { search: tag, status: "all", confirmCount: count, reason: "tenant offboarding" }, support);
    expect(result.purged).toBe(count);
    expect(await h.db.select().from(people).where(and(like(people.userName, `${tag}%`), isNull(people.purgedAt)))).toEqual([]);
    const batches = await h.db.select().from(auditLog).where(eq(auditLog.action, "people.purged"));
    expect(batches.map((b) => (b.detail.personIds as string[]).length)).toEqual([PURGE_BATCH_SIZE, PURGE_BATCH_SIZE, 50]);
    expect(await tracesOf(h.db, [tag])).toEqual([]);
  });

  it("purges the selected people only, and counts another tenant's id as not found", async () => {
    const [ada, bob, cy] = [await provisionPerson(h), await provisionPerson(h, "bob"), await provisionPerson(h, "cy")];
    const other = await h.scim("POST", `${h.b.entra.integration.appKey}/Users`, { body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `b-${randomUUID()}@b.example` } });
    await expect(purgePeople(h.db, h.a.tenant.id, { personIds: `${ada.id},${other.body.id}`, confirmCount: 2 }, support)).rejects.toThrow(/matches 1 person, not 2/);
    expect((await purgePeople(h.db, h.a.tenant.id, { personIds: `${ada.id},${bob.id}`, confirmCount: 2 }, support)).purged).toBe(2);
    expect(await tracesOf(h.db, [ada.userName, bob.userName])).toEqual([]);
    expect((await h.scim("GET", `${h.a.entra.integration.appKey}/Users/${cy.id}`)).status).toBe(200);
    expect((await h.scim("GET", `${h.b.entra.integration.appKey}/Users/${other.body.id}`)).status).toBe(200);
    await expect(purgePeople(h.db, h.a.tenant.id, { personIds: "not-an-id", confirmCount: 1 }, support)).rejects.toMatchObject({ code: "bad_input" });
  });
});
