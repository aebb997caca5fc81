import type { Db } from "@/db/client";
import type { Group } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import type { MemberOperation } from "@/lib/scim/member-ops";
import { checkMemberIds } from "./check-member-ids";
import { addMembers, removeMembers, removeMembersExcept } from "./group-members";
import { recordMembershipEvents } from "./record-membership-events";

/**
 * Applies membership changes in request order, inside the caller's transaction (which holds
 * the group's row lock). Every id to add is checked first, in one query, so an unknown id
 * fails the request before any row is written. Each operation is one set-based statement
 * (replace is two: remove the others, add the missing) plus one History insert per direction.
 * Returns whether any membership changed, so the caller bumps the version once or not at all.
 */
export async function applyMemberOperations(
  tx: Db,
  scope: IntegrationScope,
  group: Group,
  operations: readonly MemberOperation[],
): Promise<boolean> {
  await checkMemberIds(tx, scope, operations.flatMap((o) => (o.kind === "add" || o.kind === "replace" ? o.ids : [])));
  let changed = false;
  const record = async (change: "added" | "removed", personIds: string[]) => {
    await recordMembershipEvents(tx, group, change, personIds, scope.actor);
    changed ||= personIds.length > 0;
  };
  for (const operation of operations) {
    switch (operation.kind) {
      case "add":
        await record("added", await addMembers(tx, group, operation.ids));
        break;
      case "remove":
        await record("removed", await removeMembers(tx, group, operation.ids));
        break;
      case "removeAll":
        await record("removed", await removeMembersExcept(tx, group, []));
        break;
      case "replace":
        await record("removed", await removeMembersExcept(tx, group, operation.ids));
        await record("added", await addMembers(tx, group, operation.ids));
        break;
    }
  }
  return changed;
}
