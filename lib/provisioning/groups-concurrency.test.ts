import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeEvents, groupMembers } from "@/db/schema";
import { actionsOf, addMembersBody, at, memberIdsOf, patchBody, provisionGroup, provisionUsers, removeMemberBody, versionOf } from "@/lib/groups/testing";
import { queuedOnPerson } from "@/lib/people/testing";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

/**
 * A member-only group PATCH holds the group's write lock only for its last statement, so
 * these races are no longer settled by the group's lock alone: each must still end in a
 * state some order of the requests would have produced, with History and the event feed
 * telling the same story and no request answered 500.
 */
let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h?.close());

async function memberEventCount(groupId: string, type: "role.member_added" | "role.member_removed"): Promise<number> {
  const [{ count }] = await h.db
    .select({ count: sql<number>`count(*)::int` })
    .from(changeEvents)
    .where(sql`${changeEvents.roleId} = ${groupId}::uuid and ${changeEvents.type} = ${type}`);
  return count;
}

describe("member-only PATCHes racing on one group", () => {
  it("record one addition when several requests add the same person at once", async () => {
    const [person] = await provisionUsers(h, h.a.entra, 1, "same");
    const id = await provisionGroup(h, h.a.entra, "Same person");
    const results = await Promise.all(Array.from({ length: 6 }, () => h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: addMembersBody([person]) })));
    expect(results.map((r) => r.status)).toEqual([204, 204, 204, 204, 204, 204]);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([person]);
    expect(await actionsOf(h.db, id)).toEqual(["created", "member_added"]);
    expect(await actionsOf(h.db, person, "person")).toEqual(["created", "joined_role"]);
    expect(await memberEventCount(id, "role.member_added")).toBe(1);
    // Only the request that changed the membership bumped the version.
    expect(await versionOf(h, h.a.entra, id)).toBe('W/"2"');
  });

  it("keep a rename and concurrent member additions both, counting every change in the version", async () => {
    const users = await provisionUsers(h, h.a.okta, 4, "rename");
    const id = await provisionGroup(h, h.a.okta, "Before rename");
    const results = await Promise.all([
      ...users.map((user) => h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: addMembersBody([user]) })),
      h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: patchBody({ op: "replace", path: "displayName", value: "After rename" }) }),
    ]);
    expect(results.map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
    const group = await h.scim("GET", at(h.a.okta, `Groups/${id}`));
    expect(group.body.displayName).toBe("After rename");
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual([...users].sort());
    expect(group.headers.get("etag")).toBe('W/"6"');
  });

});

describe.each(["soft", "hard"] as const)("a group's %s DELETE racing member PATCHes", (deleteMode) => {
  let installed: Installed;
  beforeAll(async () => {
    installed = await h.install(h.a.tenant, "entra", { deleteMode });
  });

  it("waits for a member addition already under way, then takes that member out too", async () => {
    const [person] = await provisionUsers(h, installed, 1, `paused-${deleteMode}`);
    const id = await provisionGroup(h, installed, `Paused ${deleteMode}`);
    // The PATCH has read the group and waits on the person's row when the DELETE arrives.
    const [addition, deleted] = (await queuedOnPerson(
      h.db,
      person,
      () => h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: addMembersBody([person]) }),
      () => h.scim("DELETE", at(installed, `Groups/${id}`), { as: installed }),
    )) as { status: number }[];
    expect([addition.status, deleted.status]).toEqual([204, 204]);
    expect(await h.db.select().from(groupMembers).where(eq(groupMembers.groupId, id))).toEqual([]);
    expect(await actionsOf(h.db, person, "person")).toEqual(["created", "joined_role", "left_role"]);
  });

  it("never answers 500, and leaves the deleted group without members", async () => {
    for (let round = 0; round < 6; round++) {
      const [kept, added] = await provisionUsers(h, installed, 2, `delete-${deleteMode}-${round}`);
      const id = await provisionGroup(h, installed, `Doomed ${deleteMode} ${round}`, [kept]);
      const [deleted, addition, removal] = await Promise.all([
        h.scim("DELETE", at(installed, `Groups/${id}`), { as: installed }),
        h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: addMembersBody([added]) }),
        h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: removeMemberBody(kept) }),
      ]);
      expect(deleted.status).toBe(204);
      // Each PATCH ran before the DELETE or found the group gone.
      expect([204, 404]).toContain(addition.status);
      expect([204, 404]).toContain(removal.status);
      expect(await h.db.select().from(groupMembers).where(eq(groupMembers.groupId, id))).toEqual([]);
      // History agrees: whatever joined the group also left it.
      const actions = await actionsOf(h.db, added, "person");
      expect(actions.filter((a) => a === "joined_role").length).toBe(actions.filter((a) => a === "left_role").length);
    }
  });
});
