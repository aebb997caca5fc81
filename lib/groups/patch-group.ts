import type { Db } from "@/db/client";
import type { Group } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { diffResources } from "@/lib/scim/diff";
import { invalidValue } from "@/lib/scim/errors";
import { memberOperations } from "@/lib/scim/member-ops";
import { normalizePatchRequest, type PatchOperation } from "@/lib/scim/normalize";
import { applyPatch } from "@/lib/scim/patch";
import { groupSchemas } from "@/lib/scim/schemas/lookup";
import { validateResource } from "@/lib/scim/validate";
import { MAX_OPERATIONS } from "@/lib/scim-limits";
import { applyMemberOperations } from "./internal/apply-member-operations";
import { commitGroupChange } from "./internal/commit-group-change";
import { writeMemberOperation } from "./internal/write-member-operation";
import { findGroup } from "./find-group";

/**
 * PATCH /Groups/{id} (RFC 7644 section 3.5.2): attribute operations apply to the stored
 * resource, operations on `members` become set-based writes to the membership table, all in
 * request order inside one transaction; the first refusal throws and nothing is stored.
 * Okta's path-less rename that repeats the group's id is accepted, and an unchanged name
 * records no rename.
 *
 * One operation adding or removing members, the PATCH identity providers send most, is ONE
 * statement (writeMemberOperation) holding only KEY SHARE on the group (the lock its
 * membership insert's foreign key takes anyway), and counting its change beside the group's
 * row rather than in it (lib/groups/group-version.ts); otherwise every request to one group
 * would wait for the commit of the one before. The membership table's key settles
 * concurrent adds and removes of one person, and the count takes in every change.
 *
 * Every other PATCH (attributes, several operations, a whole-membership replace, If-Match)
 * locks the group FOR UPDATE first, which waits for those PATCHes under way and keeps new
 * ones out until it commits: the version an If-Match is checked against (its row's and the
 * counted changes) and the membership it reads cannot change under it. Two PATCHes of
 * several operations could otherwise take two people's rows in opposite orders.
 * Which kind a PATCH is gets decided on an unlocked read, so a locking write never holds
 * KEY SHARE while it waits for FOR UPDATE (two of them would each wait for the other).
 */
export async function patchGroup(
  db: Db,
  scope: IntegrationScope,
  id: string,
  body: unknown,
  ifMatch: string | null,
): Promise<Group> {
  const { operations } = normalizePatchRequest(body);
  if (operations.length > MAX_OPERATIONS) {
    throw invalidValue(`A PATCH may carry at most ${MAX_OPERATIONS} operations`);
  }
  if (ifMatch === null) {
    const plan = planPatch(await findGroup(db, scope, id), operations);
    const [only] = plan.members;
    if (!plan.attributesChanged && plan.members.length === 1 && (only.kind === "add" || only.kind === "remove")) {
      return writeMemberOperation(db, scope, id, only);
    }
  }
  return db.transaction(async (tx) => {
    const before = await findGroup(tx, scope, id, { lock: "update", ifMatch });
    const plan = planPatch(before, operations);
    const named = { ...before, displayName: plan.resource.displayName as string };
    const membershipChanged = await applyMemberOperations(tx, scope, named, plan.members);
    return commitGroupChange(tx, before, plan.resource, scope.actor, membershipChanged);
  });
}

/** What the operations make of the group as read: its new resource, and its membership changes in order. */
function planPatch(before: Group, operations: readonly PatchOperation[]) {
  const { resource: patched, externalOps } = applyPatch({ ...before.resource, id: before.id }, operations, groupSchemas, {
    external: ["members"],
  });
  delete patched.id;
  const { resource } = validateResource(patched, groupSchemas, { mode: "replace" });
  return {
    resource,
    attributesChanged: diffResources(before.resource, resource).length > 0,
    members: memberOperations(externalOps),
  };
}
