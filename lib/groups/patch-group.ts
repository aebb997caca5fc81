import type { Db } from "@/db/client";
import type { Group } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { invalidValue } from "@/lib/scim/errors";
import { memberOperations } from "@/lib/scim/member-ops";
import { normalizePatchRequest } from "@/lib/scim/normalize";
import { applyPatch } from "@/lib/scim/patch";
import { groupSchemas } from "@/lib/scim/schemas/lookup";
import { validateResource } from "@/lib/scim/validate";
import { MAX_OPERATIONS } from "@/lib/scim-limits";
import { applyMemberOperations } from "./internal/apply-member-operations";
import { commitGroupChange } from "./internal/commit-group-change";
import { findGroup } from "./find-group";

/**
 * PATCH /Groups/{id} (RFC 7644 section 3.5.2): attribute operations apply to the stored
 * resource, operations on `members` become set-based writes to the membership table, all in
 * request order inside one transaction on the locked row; the first refusal throws and
 * nothing is stored. Okta's path-less rename that repeats the group's id is accepted, and an
 * unchanged name records no rename (applyPatch).
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
  return db.transaction(async (tx) => {
    const before = await findGroup(tx, scope, id, { lock: "no key update", ifMatch });
    const { resource: patched, externalOps } = applyPatch({ ...before.resource, id: before.id }, operations, groupSchemas, {
      external: ["members"],
    });
    delete patched.id;
    const { resource } = validateResource(patched, groupSchemas, { mode: "replace" });
    const named = { ...before, displayName: resource.displayName as string };
    const membershipChanged = await applyMemberOperations(tx, scope, named, memberOperations(externalOps));
    return commitGroupChange(tx, before, resource, scope.actor, membershipChanged);
  });
}
