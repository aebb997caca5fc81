import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP } from "@/lib/scim/schemas/urns";
import { purgePerson } from "./purge-person";
import { provisionPerson, queuedOnPerson, tracesOf } from "./testing";

/**
 * A purge and a SCIM PATCH of the same person in flight together end in a purged person:
 * the PATCH either lands first and is purged with the rest (its request-log body included,
 * even when the log is written after the purge), or finds the person gone (404). On
 * PostgreSQL both really wait on the row, in each arrival order; PGlite runs one
 * transaction at a time, so there the two orders run one after the other.
 */

let h: ScimHarness;
const support = { userId: null, label: "support@vendor.test" };
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

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
    const results = order === "patch-first" ? await queuedOnPerson(h.db, ada.id, patch, purge) : await queuedOnPerson(h.db, ada.id, purge, patch);
    const patched = (order === "patch-first" ? results[0] : results[1]) as { status: number };
    expect(patched.status).toBe(order === "patch-first" ? 204 : 404);

    const [row] = await h.db.select().from(people).where(eq(people.id, ada.id));
    expect(row.purgedAt).not.toBeNull();
    expect(row.resource).toEqual({});
    expect((await h.scim("GET", `${h.a.entra.integration.appKey}/Users/${ada.id}`)).status).toBe(404);
    expect(await tracesOf(h.db, [ada.userName, ada.familyName, ada.workEmail, newName])).toEqual([]);
  });
});
