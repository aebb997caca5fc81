import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patchGroup } from "@/lib/groups/patch-group";
import { replaceGroup } from "@/lib/groups/replace-group";
import { actionsOf, addMembersBody, memberIdsOf, patchBody, provisionGroup, provisionUsers, removeMemberBody, versionOf } from "@/lib/groups/testing";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { queuedOnPerson } from "@/lib/people/testing";
import { GROUP_SCHEMA } from "@/lib/scim/schemas/urns";
import { isRetryableConflict } from "./retry-on-conflict";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

/**
 * Writes to one group never deadlock with each other: a member-only PATCH never takes the
 * group's write lock, every other write takes it first (lib/groups/patch-group.ts), and
 * every order of locks two writes could take is tried here. The companion file
 * groups-concurrency.test.ts checks what such races leave behind.
 */
let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h?.close());

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

describe("member PATCHes of several operations", () => {
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

/**
 * A write that locks the group first (PUT, a whole-membership replace, a rename) and then
 * writes membership rows must never meet a member-only PATCH that already wrote one of those
 * rows and now waits for a lock the first write holds: each would wait for the other, and
 * PostgreSQL aborts one of them after deadlock_timeout.
 */
describe("a member-only PATCH racing a write that locks the group first", () => {
  /**
   * `lockedWrite` locks the group, then waits on `held`'s row (locked meanwhile); `memberOnly`
   * then runs until it waits too; once `held` is free, `lockedWrite` goes on to the
   * membership rows `memberOnly` would write.
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
      () => patchGroup(h.db, scope, id, addMembersBody([raced]), null),
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
      () => patchGroup(h.db, scope, id, removeMemberBody(raced), null),
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
      () => patchGroup(h.db, scope, id, addMembersBody([raced]), null),
    );
    expect(outcomes).toEqual(["committed", "committed"]);
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual([raced, held].sort());
    expect(await actionsOf(h.db, raced, "person")).toEqual(["created", "joined_role"]);
    expect(await versionOf(h, h.a.okta, id)).toBe('W/"2"');
  });
});
