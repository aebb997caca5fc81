import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP } from "@/lib/scim/schemas/urns";
import { purgePerson } from "./purge-person";
import { provisionPerson, tracesOf } from "./testing";

/**
 * A purge and a SCIM PATCH of the same person in flight together end in a purged person:
 * the PATCH either lands first and is purged with the rest (its request-log body included,
 * even when the log is written after the purge), or finds the person gone (404). On
 * PostgreSQL both really wait on the row, in each arrival order; PGlite runs one
 * transaction at a time, so there the two orders run one after the other.
 */

let h: ScimHarness;
const onServer = Boolean(process.env.TEST_DATABASE_URL);
const support = { userId: null, label: "support@vendor.test" };
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

async function waitingOnLocks(count: number) {
  for (;;) {
    const result = (await h.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { n: number }[];
    if (result[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs `first` and `second` so that both wait on the person's row, `first` ahead in the queue. */
async function raceOnRow(personId: string, first: () => Promise<unknown>, second: () => Promise<unknown>) {
  if (!onServer) return [await first(), await second()];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const blocker = h.db.transaction(async (tx) => {
    await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for("update");
    locked();
    await held;
  });
  await isLocked;
  const a = first();
  await waitingOnLocks(1);
  const b = second();
  await waitingOnLocks(2);
  release();
  await blocker;
  return Promise.all([a, b]);
}

const patchBody = (value: string) => ({ schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value }] });

describe.each([
  ["the PATCH", "patch-first"],
  ["the purge", "purge-first"],
])("purge racing a PATCH, %s arriving first", (_label, order) => {
  it("ends purged, with no trace of the person or of the PATCH's value", async () => {
    const ada = await provisionPerson(h);
    const newName = `Racer ${ada.familyName}`;
    const patch = () => h.scim("PATCH", `${h.a.entra.integration.appKey}/Users/${ada.id}`, { body: patchBody(newName) });
    const purge = () => purgePerson(h.db, h.a.tenant.id, { personId: ada.id, confirmUserName: null }, support);
    const results = order === "patch-first" ? await raceOnRow(ada.id, patch, purge) : await raceOnRow(ada.id, purge, patch);
    const patched = (order === "patch-first" ? results[0] : results[1]) as { status: number };
    expect(patched.status).toBe(order === "patch-first" ? 204 : 404);

    const [row] = await h.db.select().from(people).where(eq(people.id, ada.id));
    expect(row.purgedAt).not.toBeNull();
    expect(row.resource).toEqual({});
    expect((await h.scim("GET", `${h.a.entra.integration.appKey}/Users/${ada.id}`)).status).toBe(404);
    expect(await tracesOf(h.db, [ada.userName, ada.familyName, ada.workEmail, newName])).toEqual([]);
  });
});
