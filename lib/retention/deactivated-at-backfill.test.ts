import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "@/db/client";
import { events, people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { daysFromNow, tenantWithPolicy } from "./testing";

/**
 * The data migration that gave people already inactive their deactivatedAt: their latest
 * deactivation in History, else their creation there, else their last change.
 */

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

// Found by name, not number: migrations get renumbered when branches merge.
const file = readdirSync(migrationsFolder).find((name) => name.endsWith("_backfill_deactivated_at.sql"));
const backfill = readFileSync(path.join(migrationsFolder, file ?? "missing: *_backfill_deactivated_at.sql"), "utf8");

describe("the deactivatedAt backfill", () => {
  it("starts each inactive person's grace period at their latest deactivation, and leaves active people alone", async () => {
    const t = await tenantWithPolicy(h, {});
    const twice = await t.provision("twice");
    const noHistory = await t.provision("no-history");
    const active = await t.provision("active");
    await t.setActive(twice.id, false);
    await t.setActive(twice.id, true);
    await t.setActive(twice.id, false);
    await t.setActive(noHistory.id, false);
    // History of "twice", moved into the past in order: created, deactivated, reactivated, deactivated.
    const history = await h.db.select({ id: events.id, action: events.action }).from(events).where(eq(events.subjectId, twice.id)).orderBy(asc(events.id));
    expect(history.map((e) => e.action)).toEqual(["created", "deactivated", "reactivated", "deactivated"]);
    const moments = [-10, -8, -6, -3].map(daysFromNow);
    for (const [i, e] of history.entries()) await h.db.update(events).set({ createdAt: moments[i] }).where(eq(events.id, e.id));
    const latest = moments[3];
    await h.db.delete(events).where(eq(events.subjectId, noHistory.id));
    const changedAt = daysFromNow(-5);
    await h.db.update(people).set({ updatedAt: changedAt }).where(eq(people.id, noHistory.id));
    await h.db.update(people).set({ deactivatedAt: null }).where(eq(people.tenantId, t.tenant.id));

    await h.db.execute(sql.raw(backfill));
    const rows = await h.db.select({ id: people.id, deactivatedAt: people.deactivatedAt }).from(people).where(eq(people.tenantId, t.tenant.id));
    const at = Object.fromEntries(rows.map((r) => [r.id, r.deactivatedAt?.getTime() ?? null]));
    expect(at).toEqual({ [twice.id]: latest.getTime(), [noHistory.id]: changedAt.getTime(), [active.id]: null });
  });
});
