import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupMembers } from "@/db/schema";
import { at, patchBody, provisionGroup, provisionUsers } from "@/lib/groups/testing";
import { createScimHarness, type ScimHarness } from "./testing";

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h?.close());

describe("a person's DELETE racing a group PATCH that adds them", () => {
  it("never deadlocks or answers 500, and leaves no deleted person in a group", async () => {
    const rounds = 8;
    const users = await provisionUsers(h, h.a.entra, rounds, "racer");
    const groupId = await provisionGroup(h, h.a.entra, "Racers");
    const statuses: number[] = [];
    for (const user of users) {
      const [deleted, patched] = await Promise.all([
        h.scim("DELETE", at(h.a.entra, `Users/${user}`)),
        h.scim("PATCH", at(h.a.entra, `Groups/${groupId}`), {
          body: patchBody({ op: "add", path: "members", value: [{ value: user }] }),
        }),
      ]);
      statuses.push(deleted.status, patched.status);
      expect(deleted.status).toBe(204);
      // The PATCH either ran first (then the DELETE took the person out again) or found them gone.
      expect([204, 400]).toContain(patched.status);
    }
    expect(statuses.every((s) => s < 500)).toBe(true);
    // Every racer is deleted, so the group must have no membership rows left at all.
    const left = await h.db.select().from(groupMembers).where(eq(groupMembers.groupId, groupId));
    expect(left).toEqual([]);
  });
});
