import type { Db } from "@/db/client";
import { people, type Person } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { findLiveResource, isLiveInScope, readLiveInScope, tenantIdPlaceholder, type FindOptions } from "@/lib/scim-resources/find-live-resource";
import { scimColumns } from "@/lib/scim-resources/resource-table";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { groupsOfPersonJson } from "./groups-of-people";
import type { UserRow } from "./scim-user";

/** The locked read every write to one person starts with (see findLiveResource). */
export function findPerson(db: Db, scope: IntegrationScope, id: string, options: FindOptions = {}): Promise<Person> {
  return findLiveResource(db, people, "User", scope, id, options);
}

const readWithGroups = preparedPerDatabase((db) =>
  db
    .select({ ...scimColumns(people), related: groupsOfPersonJson(people.id, tenantIdPlaceholder) })
    .from(people)
    .where(isLiveInScope(people))
    .prepare("find_person_with_groups"),
);

/**
 * GET /Users/{id}: the person as findPerson finds it, with its groups (`related`) read in the
 * same statement when the response returns them.
 */
export function findPersonToShow(db: Db, scope: IntegrationScope, id: string, withGroups: boolean): Promise<UserRow> {
  if (!withGroups) return findPerson(db, scope, id);
  return readLiveInScope("User", scope, id, (values) => readWithGroups(db).execute(values));
}
