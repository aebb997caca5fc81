import type { Db } from "@/db/client";
import { groups } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { deleteResourceRow } from "@/lib/scim-resources/delete-resource-row";
import { findGroup } from "./find-group";
import { removeMembersExcept } from "./internal/group-members";
import { recordMembershipEvents } from "./internal/record-membership-events";

/**
 * DELETE /Groups/{id}: every member leaves the role (History on both sides, set-based), then
 * the group is hidden from SCIM and its displayName is free again. Like people, it stays in
 * the console as retained data unless the integration's delete mode is `hard`. The group is
 * locked FOR UPDATE first, the lock a hard delete ends with: a member-only PATCH (which holds
 * KEY SHARE) either finishes first or waits and then finds the group gone, never a deadlock.
 */
export async function deleteGroup(db: Db, scope: IntegrationScope, id: string, ifMatch: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await findGroup(tx, scope, id, { lock: "update", ifMatch });
    const removed = await removeMembersExcept(tx, group, []);
    await recordMembershipEvents(tx, group, "removed", removed, scope.actor);
    await deleteResourceRow(tx, groups, "group", group, { path: "displayName", value: group.displayName }, scope);
  });
}
