import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeEvents, groupMembers } from "@/db/schema";
import { patchGroup } from "@/lib/groups/patch-group";
import { replaceGroup } from "@/lib/groups/replace-group";
import { actionsOf, at, memberIdsOf, patchBody, provisionGroup, provisionUsers, versionOf } from "@/lib/groups/testing";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { queuedOnPerson } from "@/lib/people/testing";
import { GROUP_SCHEMA } from "@/lib/scim/schemas/urns";
import { isRetryableConflict } from "./retry-on-conflict";
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

const add = (ids: string[]) => patchBody({ op: "add", path: "members", value: ids.map((value) => ({ value })) });
const remove = (id: string) => patchBody({ op: "remove", path: `members[value eq "${id}"]` });

async function memberEventCount(groupId: string, type: "role.member_added" | "role.member_removed"): Promise<number> {
  const [{ count }] = await h.db
    .select({ count: sql<number>`count(*)::int` })
    .from(changeEvents)
    .where(sql`${changeEvents.roleId} = ${groupId}::uuid and ${changeEvents.type} = ${type}`);
  return count;
}

/**
 * Some races call the services directly: the request handler runs a transaction PostgreSQL
 * aborted to break a deadlock again (retry-on-conflict.ts), which would hide the deadlock.
 */
const scopeOf = (installed: Installed): IntegrationScope => ({
  tenantId: installed.integration.tenantId,
  integration: installed.integration,
  actor: { type: "integration", id: installed.integration.id, label: installed.integration.name },
  baseUrl: `http://localhost:3000/api/scim/v2/${installed.integration.appKey}`,
});
const settled = (work: Promise<unknown>) =>
  work.then(
    () => "committed",
    (error) => (isRetryableConflict(error) ? "aborted" : Promise.reject(error)),
  );

describe("member-only PATCHes racing on one group", () => {
  it("record one addition when several requests add the same person at once", async () => {
    const [person] = await provisionUsers(h, h.a.entra, 1, "same");
    const id = await provisionGroup(h, h.a.entra, "Same person");
    const results = await Promise.all(Array.from({ length: 6 }, () => h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: add([person]) })));
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
      ...users.map((user) => h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: add([user]) })),
      h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: patchBody({ op: "replace", path: "displayName", value: "After rename" }) }),
    ]);
    expect(results.map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
    const group = await h.scim("GET", at(h.a.okta, `Groups/${id}`));
    expect(group.body.displayName).toBe("After rename");
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual([...users].sort());
    expect(group.headers.get("etag")).toBe('W/"6"');
  });

  it("both commit when two add the same two people in opposite operation order", async () => {
    const scope = scopeOf(h.a.entra);
    const addOne = (id: string) => ({ op: "add", path: "members", value: [{ value: id }] });
    for (let round = 0; round < 6; round++) {
      const [x, y] = await provisionUsers(h, h.a.entra, 2, `order-${round}`);
      const id = await provisionGroup(h, h.a.entra, `Order ${round} ${x}`);
      const outcomes = await Promise.all([
        settled(patchGroup(h.db, scope, id, patchBody(addOne(x), addOne(y)), null)),
        settled(patchGroup(h.db, scope, id, patchBody(addOne(y), addOne(x)), null)),
      ]);
      expect(outcomes).toEqual(["committed", "committed"]);
      expect(await memberIdsOf(h, h.a.entra, id)).toEqual([x, y].sort());
      expect(await actionsOf(h.db, x, "person")).toEqual(["created", "joined_role"]);
    }
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
      () => h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: add([person]) }),
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
        h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: add([added]) }),
        h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: remove(kept) }),
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

/**
 * A write that locks the group first (PUT, a whole-membership replace, a rename) and then
 * writes membership rows must never meet a member-only PATCH that already wrote one of those
 * rows and now waits for the group's lock to bump the version: each would wait for the other,
 * and PostgreSQL aborts one of them after deadlock_timeout.
 */
describe("a member-only PATCH racing a write that locks the group first", () => {
  /**
   * `lockedWrite` locks the group, then waits on `held`'s row (locked meanwhile); `memberOnly`
   * then writes its membership row and waits for the group's lock to bump the version; once
   * `held` is free, `lockedWrite` reaches the membership row `memberOnly` wrote.
   */
  function race(held: string, lockedWrite: () => Promise<unknown>, memberOnly: () => Promise<unknown>) {
    return queuedOnPerson(h.db, held, () => settled(lockedWrite()), () => settled(memberOnly()));
  }

  it("a PUT listing the person the PATCH adds: both commit, the person joins once", async () => {
    const [raced, held] = await provisionUsers(h, h.a.entra, 2, "put-race");
    const name = `Put race ${raced}`;
    const id = await provisionGroup(h, h.a.entra, name);
    const scope = scopeOf(h.a.entra);
    const put = { schemas: [GROUP_SCHEMA], displayName: name, members: [{ value: raced }, { value: held }] };
    const outcomes = await race(
      held,
      () => replaceGroup(h.db, scope, id, put, null),
      () => patchGroup(h.db, scope, id, add([raced]), null),
    );
    expect(outcomes).toEqual(["committed", "committed"]);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([raced, held].sort());
    expect(await actionsOf(h.db, raced, "person")).toEqual(["created", "joined_role"]);
    expect(await versionOf(h, h.a.entra, id)).toBe('W/"2"');
  });

  it("a whole-membership replace dropping the member the PATCH removes: both commit, the member leaves once", async () => {
    const [raced, held] = await provisionUsers(h, h.a.entra, 2, "replace-race");
    const id = await provisionGroup(h, h.a.entra, `Replace race ${raced}`, [raced]);
    const scope = scopeOf(h.a.entra);
    const replaceAll = patchBody({ op: "replace", path: "members", value: [{ value: held }] });
    const outcomes = await race(
      held,
      () => patchGroup(h.db, scope, id, replaceAll, null),
      () => patchGroup(h.db, scope, id, remove(raced), null),
    );
    expect(outcomes).toEqual(["committed", "committed"]);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([held]);
    expect(await actionsOf(h.db, raced, "person")).toEqual(["created", "joined_role", "left_role"]);
    expect(await versionOf(h, h.a.entra, id)).toBe('W/"2"');
  });

  it("a rename that also adds the person the PATCH adds: both commit, the person joins once", async () => {
    const [raced, held] = await provisionUsers(h, h.a.okta, 2, "rename-race");
    const id = await provisionGroup(h, h.a.okta, `Rename race ${raced}`);
    const scope = scopeOf(h.a.okta);
    const renameAndAdd = patchBody(
      { op: "replace", path: "displayName", value: `Renamed ${raced}` },
      { op: "add", path: "members", value: [{ value: raced }, { value: held }] },
    );
    const outcomes = await race(
      held,
      () => patchGroup(h.db, scope, id, renameAndAdd, null),
      () => patchGroup(h.db, scope, id, add([raced]), null),
    );
    expect(outcomes).toEqual(["committed", "committed"]);
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual([raced, held].sort());
    expect(await actionsOf(h.db, raced, "person")).toEqual(["created", "joined_role"]);
    expect(await versionOf(h, h.a.okta, id)).toBe('W/"2"');
  });
});
