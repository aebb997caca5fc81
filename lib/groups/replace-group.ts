import type { Db } from "@/db/client";
import type { Group } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { applyMemberOperations } from "./internal/apply-member-operations";
import { commitGroupChange } from "./internal/commit-group-change";
import { findGroup } from "./find-group";
import { prepareGroup } from "./internal/prepare-group";

/**
 * PUT /Groups/{id}: the body replaces the group's attributes and its whole membership
 * (RFC 7644 section 3.5.1); a body without `members` leaves the group without members.
 * Okta's App Integration Wizard integrations push membership this way
 * (https://developer.okta.com/docs/reference/scim/scim-20/#update-specific-group-membership).
 * Locked FOR UPDATE, so it waits for member-only PATCHes under way (see patchGroup).
 */
export async function replaceGroup(
  db: Db,
  scope: IntegrationScope,
  id: string,
  body: unknown,
  ifMatch: string | null,
): Promise<{ group: Group; ignored: string[] }> {
  const { resource, memberIds, ignored } = prepareGroup(body, "replace");
  return db.transaction(async (tx) => {
    const before = await findGroup(tx, scope, id, { lock: "update", ifMatch });
    const named = { ...before, displayName: resource.displayName as string };
    const membershipChanged = await applyMemberOperations(tx, scope, named, [{ kind: "replace", ids: memberIds }]);
    return { group: await commitGroupChange(tx, before, resource, scope.actor, membershipChanged), ignored };
  });
}
