import type { Db } from "@/db/client";
import type { Person } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { normalizePatchRequest } from "@/lib/scim/normalize";
import { applyPatch } from "@/lib/scim/patch";
import { userSchemas } from "@/lib/scim/schemas/lookup";
import { validateResource } from "@/lib/scim/validate";
import { invalidValue, mutability } from "@/lib/scim/errors";
import { MAX_OPERATIONS } from "@/lib/scim-limits";
import { actionFor, commitPersonChange } from "./internal/commit-person-change";
import { guardRemoval, pauseRemovalsWhenTripped } from "./internal/mass-change-guard";
import { findPerson } from "./find-person";
import { applyIdentifierRules } from "./internal/identifier-rules";
import { activeByDefault } from "./internal/prepare-user";
import { writeOptimistically } from "./internal/write-optimistically";

/**
 * PATCH /Users/{id}: every operation applies in order to the person as read; the first
 * refusal throws and nothing is stored. A person written meanwhile is read again, locked
 * (writeOptimistically).
 */
export async function patchPerson(
  db: Db,
  scope: IntegrationScope,
  id: string,
  body: unknown,
  ifMatch: string | null,
): Promise<Person> {
  const { operations } = normalizePatchRequest(body);
  if (operations.length > MAX_OPERATIONS) {
    throw invalidValue(`A PATCH may carry at most ${MAX_OPERATIONS} operations`);
  }
  return writeOptimistically(db, async (session, lock) => {
    const before = await findPerson(session, scope, id, { lock, ifMatch });
    const patched = applyPatch({ ...before.resource, id: before.id }, operations, userSchemas).resource;
    delete patched.id;
    // An unassigned `active` reads as true (activeByDefault): removing it would quietly give a
    // deactivated person access again, so it is refused, as AWS IAM Identity Center and
    // others refuse it too.
    if (patched.active === undefined && before.resource.active !== undefined) {
      throw mutability('active cannot be removed; replace it with false to deactivate or true to reactivate');
    }
    const { resource } = validateResource(patched, userSchemas, { mode: "replace" });
    const next = applyIdentifierRules(resource, scope.integration.settings, before.resource);
    const after = activeByDefault(next);
    if (actionFor(before.resource, after) === "deactivated") await guardRemoval(session, scope);
    return commitPersonChange(session, before, after, scope.actor);
  }).catch(pauseRemovalsWhenTripped(db, scope));
}
