import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { removePersonFromGroups } from "@/lib/groups/remove-person-from-groups";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { deleteResourceRow } from "@/lib/scim-resources/delete-resource-row";
import { findPerson } from "./find-person";
import { guardRemoval, pauseRemovalsWhenTripped } from "./internal/mass-change-guard";

/**
 * DELETE /Users/{id}: the person leaves every group, then is hidden from SCIM (their
 * userName is free again). Delete mode soft keeps them in the console as retained data;
 * hard removes the row. History keeps the event either way. The mass-change guard may refuse it.
 */
export async function deletePerson(db: Db, scope: IntegrationScope, id: string, ifMatch: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await findPerson(tx, scope, id, { lock: "no key update", ifMatch });
    await guardRemoval(tx, scope);
    await removePersonFromGroups(tx, person, scope.actor);
    await deleteResourceRow(tx, people, "person", person, { path: "userName", value: person.userName }, scope);
  }).catch(pauseRemovalsWhenTripped(db, scope));
}
