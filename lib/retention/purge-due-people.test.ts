import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, events, people } from "@/db/schema";
import { onPostgresServer } from "@/db/testing";
import { tracesOf } from "@/lib/people/testing";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP } from "@/lib/scim/schemas/urns";
import { listDuePeople } from "./list-due-people";
import { purgeDuePeople } from "./purge-due-people";
import { daysFromNow, tenantWithPolicy } from "./testing";

/** The retention job against a real database, with the clock given to each run. */

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

const idsOf = (list: { personId: string }[]) => list.map((p) => p.personId).sort();

async function purgedAt(ids: string[]) {
  const rows = await h.db.select({ id: people.id, purgedAt: people.purgedAt }).from(people).where(inArray(people.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.purgedAt !== null]));
}

describe("purgeDuePeople", () => {
  it("purges people deleted longer ago than the policy's days, and keeps the rest", async () => {
    const t = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 30 });
    const gone = await t.provision("gone");
    const kept = await t.provision("kept");
    const inactive = await t.provision("inactive");
    await t.remove(gone.id);
    await t.setActive(inactive.id, false);

    expect((await purgeDuePeople(h.db, { now: daysFromNow(29), tenantId: t.tenant.id })).purged).toEqual([]);
    const run = await purgeDuePeople(h.db, { now: daysFromNow(31), tenantId: t.tenant.id });
    expect(run.purged).toMatchObject([{ personId: gone.id, rule: "deletion", days: 30, integration: { id: t.entra.integration.id } }]);
    expect(await purgedAt([gone.id, kept.id, inactive.id])).toEqual({ [gone.id]: true, [kept.id]: false, [inactive.id]: false });
  });

  it("purges after the grace period of deactivation, and a reactivation cancels it", async () => {
    const t = await tenantWithPolicy(h, { purgeDaysAfterDeactivation: 7 });
    const left = await t.provision("left");
    const back = await t.provision("back");
    const deletedActive = await t.provision("deleted-active");
    await t.setActive(left.id, false);
    await t.setActive(back.id, false);
    await t.setActive(back.id, true);
    await t.remove(deletedActive.id);

    const run = await purgeDuePeople(h.db, { now: daysFromNow(8), tenantId: t.tenant.id });
    expect(idsOf(run.purged)).toEqual([left.id]);
    expect(run.purged[0]).toMatchObject({ rule: "deactivation", days: 7 });
    expect(await purgedAt([left.id, back.id, deletedActive.id])).toEqual({ [left.id]: true, [back.id]: false, [deletedActive.id]: false });
  });

  it("counts the grace period from the deactivation, not from later changes to the inactive person", async () => {
    const t = await tenantWithPolicy(h, { purgeDaysAfterDeactivation: 7 });
    const left = await t.provision("left");
    await t.setActive(left.id, false);
    const deactivatedAt = async () => (await h.db.select({ at: people.deactivatedAt }).from(people).where(eq(people.id, left.id)))[0].at;
    const first = await deactivatedAt();
    expect(first).toBeInstanceOf(Date);
    const renamed = await t.call("PATCH", `/Users/${left.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: "Renamed" }] });
    expect(renamed.status).toBe(204);
    await t.setActive(left.id, false);
    expect(await deactivatedAt()).toEqual(first);
  });

  it("does nothing while the policy is off", async () => {
    const t = await tenantWithPolicy(h, {});
    const gone = await t.provision("gone");
    await t.remove(gone.id);
    await t.setActive((await t.provision("inactive")).id, false);
    expect((await purgeDuePeople(h.db, { now: daysFromNow(3651), tenantId: t.tenant.id })).purged).toEqual([]);
  });

  it("leaves a History tombstone and an audit entry naming the policy, and no trace of the person", async () => {
    const t = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 30 });
    const gone = await t.provision("tombstoned");
    await t.remove(gone.id);
    await purgeDuePeople(h.db, { now: daysFromNow(31), tenantId: t.tenant.id });

    const history = await h.db.select().from(events).where(and(eq(events.tenantId, t.tenant.id), eq(events.subjectId, gone.id)));
    expect(history).toMatchObject([{ action: "purged", actorType: "system", actorLabel: "Retention policy of Microsoft Entra ID", reason: "30 days after deletion", changes: [] }]);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.action, "retention.purged")));
    expect(audit).toMatchObject([
      { actorUserId: null, actorLabel: "Retention policy of Microsoft Entra ID", detail: { integrationId: t.entra.integration.id, rule: "deletion", days: 30, personIds: [gone.id] } },
    ]);
    expect(await tracesOf(h.db, [gone.userName])).toEqual([]);
    expect((await t.call("GET", `/Users/${gone.id}`)).status).toBe(404);
  });

  it("purges exactly the people its dry run listed", async () => {
    const t = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 10, purgeDaysAfterDeactivation: 20 });
    const people = await Promise.all(["p1", "p2", "p3", "p4", "p5"].map((label) => t.provision(label)));
    await t.remove(people[0].id);
    await t.setActive(people[1].id, false);
    await t.setActive(people[2].id, false);
    await t.remove(people[2].id);
    const now = daysFromNow(15);

    const listed = await listDuePeople(h.db, { now, tenantId: t.tenant.id });
    expect(idsOf(listed)).toEqual([people[0].id, people[2].id].sort());
    expect(listed.every((p) => p.rule === "deletion" && p.name.endsWith(t.tenant.name.split(" ")[1]))).toBe(true);
    expect(idsOf((await purgeDuePeople(h.db, { now, tenantId: t.tenant.id })).purged)).toEqual(idsOf(listed));
  });

  it("leaves another tenant's people alone, and audits each tenant's purges in that tenant", async () => {
    const mine = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 1 });
    const theirs = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 1 });
    const a = await mine.provision("mine");
    const b = await theirs.provision("theirs");
    await mine.remove(a.id);
    await theirs.remove(b.id);

    expect(idsOf((await purgeDuePeople(h.db, { now: daysFromNow(2), tenantId: mine.tenant.id })).purged)).toEqual([a.id]);
    expect(await purgedAt([b.id])).toEqual({ [b.id]: false });

    const everyone = await purgeDuePeople(h.db, { now: daysFromNow(2) });
    expect(idsOf(everyone.purged)).toContain(b.id);
    const [entry] = await h.db.select().from(auditLog).where(and(eq(auditLog.tenantId, theirs.tenant.id), eq(auditLog.action, "retention.purged")));
    expect(entry.detail).toMatchObject({ personIds: [b.id] });
  });

  it("purges each person exactly once when two runners go at once", async () => {
    const t = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 1 });
    const due = [];
    for (let i = 0; i < 9; i++) due.push(await t.provision(`race${i}`));
    for (const p of due) await t.remove(p.id);
    const now = daysFromNow(2);

    const runs = await Promise.all([
      purgeDuePeople(h.db, { now, tenantId: t.tenant.id, batchSize: 2 }),
      purgeDuePeople(h.db, { now, tenantId: t.tenant.id, batchSize: 2 }),
    ]);
    const purged = runs.flatMap((r) => idsOf(r.purged)).sort();
    expect(purged).toEqual(idsOf(due.map((p) => ({ personId: p.id }))));
    const tombstones = await h.db.select().from(events).where(and(eq(events.tenantId, t.tenant.id), eq(events.action, "purged")));
    expect(tombstones.map((e) => e.subjectId).sort()).toEqual(purged);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.tenant.id), eq(auditLog.action, "retention.purged")));
    expect(audit.flatMap((a) => a.detail.personIds as string[]).sort()).toEqual(purged);
  });

  it("leaves a person a write is holding for the next run, still due, and deletes them then", async () => {
    const t = await tenantWithPolicy(h, { purgeDaysAfterDeletion: 1 });
    const held = await t.provision("held");
    const free = await t.provision("free");
    await t.remove(held.id);
    await t.remove(free.id);
    const now = daysFromNow(2);
    // PGlite runs one transaction at a time, so there no write can be in flight during a run.
    if (onPostgresServer) {
      let release!: () => void;
      const releasing = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const writer = h.db.transaction(async (tx) => {
        await tx.select({ id: people.id }).from(people).where(eq(people.id, held.id)).for("update");
        locked();
        await releasing;
      });
      await isLocked;
      const first = await purgeDuePeople(h.db, { now, tenantId: t.tenant.id });
      release();
      await writer;
      expect(idsOf(first.purged)).toEqual([free.id]);
      expect(await purgedAt([held.id])).toEqual({ [held.id]: false });
      expect(idsOf(await listDuePeople(h.db, { now, tenantId: t.tenant.id }))).toEqual([held.id]);
    }
    const next = await purgeDuePeople(h.db, { now, tenantId: t.tenant.id });
    expect(idsOf(next.purged)).toEqual(onPostgresServer ? [held.id] : [held.id, free.id].sort());
    expect(await purgedAt([held.id, free.id])).toEqual({ [held.id]: true, [free.id]: true });
  });
});
