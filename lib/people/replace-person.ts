import type { Db } from "@/db/client";
import type { Person } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { actionFor, commitPersonChange } from "./internal/commit-person-change";
import { guardRemoval, pauseRemovalsWhenTripped } from "./internal/mass-change-guard";
import { findPerson } from "./find-person";
import { prepareUser } from "./internal/prepare-user";
import { writeOptimistically } from "./internal/write-optimistically";

/**
 * PUT /Users/{id}: the body replaces every client-owned attribute. Server-owned data (id,
 * created, version history, region, group memberships) is never wiped. Okta deactivates
 * custom apps this way, with active=false in a full PUT
 * (https://developer.okta.com/docs/reference/scim/scim-20/#update-a-specific-user-put).
 * A person written meanwhile is read again, locked (writeOptimistically).
 */
export async function replacePerson(
  db: Db,
  scope: IntegrationScope,
  id: string,
  body: unknown,
  ifMatch: string | null,
): Promise<{ person: Person; ignored: string[] }> {
  return writeOptimistically(db, async (session, lock) => {
    const before = await findPerson(session, scope, id, { lock, ifMatch });
    const { resource, ignored } = prepareUser(body, scope.integration.settings, "replace", before.resource);
    if (actionFor(before.resource, resource) === "deactivated") await guardRemoval(session, scope);
    return { person: await commitPersonChange(session, before, resource, scope.actor), ignored };
  }).catch(pauseRemovalsWhenTripped(db, scope));
}
