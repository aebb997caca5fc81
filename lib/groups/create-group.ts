import type { Db } from "@/db/client";
import { groups, type Group } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/history/record-event";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { diffResources } from "@/lib/scim/diff";
import { applyMemberOperations } from "./internal/apply-member-operations";
import { groupColumns } from "./internal/group-columns";
import { groupNameHeld } from "./internal/group-name-held";
import { prepareGroup } from "./internal/prepare-group";

/**
 * POST /Groups, with its members when the body has them (Okta sends `members: []`). The
 * group, its memberships and their History commit together or not at all. displayName
 * uniqueness is the database's unique index: of two concurrent creates one wins, the other 409,
 * naming the integration that manages the group when it is another one.
 */
export async function createGroup(
  db: Db,
  scope: IntegrationScope,
  body: unknown,
): Promise<{ group: Group; ignored: string[] }> {
  const { resource, memberIds, ignored } = prepareGroup(body, "create");
  try {
    const group = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(groups)
        .values({ tenantId: scope.tenantId, integrationId: scope.integration.id, ...groupColumns(resource), resource })
        .returning();
      await recordEvent(tx, {
        tenantId: scope.tenantId,
        subjectType: "group",
        subjectId: created.id,
        action: "created",
        changes: diffResources(null, resource),
        actor: scope.actor,
      });
      await applyMemberOperations(tx, scope, created, [{ kind: "add", ids: memberIds }]);
      return created;
    });
    return { group, ignored };
  } catch (error) {
    if (isUniqueViolation(error)) throw await groupNameHeld(db, scope.tenantId, resource.displayName, scope.integration.id);
    throw error;
  }
}
