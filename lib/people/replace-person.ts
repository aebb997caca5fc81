import type { Db } from "@/db/client";
import type { Person } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { actionFor, commitPersonChange } from "./internal/commit-person-change";
import { guardRemoval, pauseRemovalsWhenTripped } from "./internal/mass-change-guard";
import { findPerson } from "./find-person";
import { prepareUser } from "./internal/prepare-user";

/**
 * PUT /Users/{id}: the body replaces every client-owned attribute. Server-owned data (id,
 * created, version history, region, group memberships) is never wiped. Okta deactivates
 * custom apps this way, with active=false in a full PUT
 * (https://developer.okta.com/docs/reference/scim/scim-20/#update-a-specific-user-put).
 */
export async function replacePerson(
  db: Db,
  scope: IntegrationScope,
  id: string,
  body: unknown,
  ifMatch: string | null,
): Promise<{ person: Person; ignored: string[] }> {
  return db.transaction(async (tx) => {
    const before = await findPerson(tx, scope, id, { lock: "no key update", ifMatch });
    const { resource, ignored } = prepareUser(body, scope.integration.settings, "replace", before.resource);
    if (actionFor(before.resource, resource) === "deactivated") await guardRemoval(tx, scope);
    return { person: await commitPersonChange(tx, before, resource, scope.actor), ignored };
  }).catch(pauseRemovalsWhenTripped(db, scope));
}
