import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeEvents, groupMembers, groupMembershipChanges, groups } from "@/db/schema";
import { getGroupProfile } from "@/lib/groups/get-group-profile";
import { searchGroups } from "@/lib/groups/search-groups";
import {
  actionsOf,
  addMembersBody,
  at,
  memberIdsOf,
  patchBody,
  provisionGroup,
  provisionUsers,
  removeMemberBody,
  versionOf,
  whileGroupRowLocked,
} from "@/lib/groups/testing";
import { queuedOnPerson } from "@/lib/people/testing";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

/**
 * A member-only group PATCH never takes the group's write lock, so these races are not
 * settled by the group's lock: each must still end in a state some order of the requests
 * would have produced, with History and the event feed telling the same story and no
 * request answered 500.
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

/**
 * A member-only PATCH counts its change beside the group's row (lib/groups/group-version.ts):
 * every PATCH to one group updating that row made each wait for the commit of the one before.
 */
describe("a member-only PATCH and the group's own row", () => {
  const rowOf = async (id: string) => {
    const [row] = await h.db
      .select({ xmin: sql<string>`xmin::text`, version: groups.version, updatedAt: groups.updatedAt })
      .from(groups)
      .where(eq(groups.id, id));
    return row;
  };

  it("changes the group's version and lastModified without writing its row", async () => {
    const [x, y] = await provisionUsers(h, h.a.entra, 2, "unwritten");
    const id = await provisionGroup(h, h.a.entra, `Unwritten ${x}`);
    const row = await rowOf(id);
    const added = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: addMembersBody([x, y]) });
    const removed = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: removeMemberBody(x) });
    const unchanged = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: removeMemberBody(x) });
    expect([added, removed, unchanged].map((r) => [r.status, r.headers.get("etag")])).toEqual([
      [204, 'W/"2"'],
      [204, 'W/"3"'],
      [204, 'W/"3"'],
    ]);
    expect(await rowOf(id)).toEqual(row);

    const read = await h.scim("GET", at(h.a.entra, `Groups/${id}`));
    expect(read.headers.get("etag")).toBe('W/"3"');
    expect(read.body.meta.version).toBe('W/"3"');
    const counted = await h.db.select().from(groupMembershipChanges).where(eq(groupMembershipChanges.groupId, id));
    expect(counted.reduce((sum, c) => sum + c.changes, 0)).toBe(2);
    const lastChange = Math.max(...counted.map((c) => c.changedAt.getTime()));
    expect(lastChange).toBeGreaterThanOrEqual(row.updatedAt.getTime());
    expect(read.body.meta.lastModified).toBe(new Date(lastChange).toISOString());
    const tenantId = h.a.entra.integration.tenantId;
    expect((await getGroupProfile(h.db, tenantId, id))?.updatedAt.toISOString()).toBe(read.body.meta.lastModified);
    const listedInConsole = await searchGroups(h.db, tenantId, { limit: 1, offset: 0, search: `Unwritten ${x}` });
    expect(listedInConsole.rows.map((r) => r.updatedAt.toISOString())).toEqual([read.body.meta.lastModified]);

    const since = encodeURIComponent(`meta.lastModified ge "${read.body.meta.lastModified}"`);
    const listed = await h.scim("GET", at(h.a.entra, `Groups?filter=${since}&excludedAttributes=members`));
    expect(listed.body.Resources.map((g: { id: string }) => g.id)).toContain(id);
  });

  it("does not wait for another transaction's uncommitted write of the group's row", async () => {
    const [x] = await provisionUsers(h, h.a.okta, 1, "unblocked");
    const id = await provisionGroup(h, h.a.okta, `Unblocked ${x}`);
    const patched = await whileGroupRowLocked(h.db, id, () => h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: addMembersBody([x]) }));
    expect(patched.waited).toBe(false);
    expect(patched.result.status).toBe(204);
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual([x]);
    expect(await versionOf(h, h.a.okta, id)).toBe('W/"2"');
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
