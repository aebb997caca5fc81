import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { QueryBuilder, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { tenantIdPlaceholder } from "@/lib/scim-resources/find-live-resource";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { idListValue } from "@/lib/sql/in-id-list";
import type { GroupRef } from "./scim-user";

/**
 * The groups (roles) of one person as a JSON array of `{ value, display }`, ordered by
 * name: a subquery on the person's id, so a page of people reads its groups in the same
 * statement (filterResources' `related`), each row one probe of group_members_person_idx.
 */
export function groupsOfPersonJson(personId: AnyPgColumn | SQL, tenantId: AnyPgColumn | SQL): SQL<GroupRef[]> {
  // A join, so drizzle names every column with its table even inside a one-table select.
  const list = new QueryBuilder()
    .select({ group: sql`json_build_object('value', ${groups.id}, 'display', ${groups.displayName})` })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.personId, personId), eq(groupMembers.tenantId, tenantId), isNull(groups.deletedAt)))
    .orderBy(groups.displayName, groups.id);
  // An ARRAY of the ordered rows, not json_agg(... order by ...): that aggregate sets up a
  // sort for every person, and costs about twice as much per page of 100.
  return sql<GroupRef[]>`array_to_json(array(${list}))`;
}

const groupsOfIds = preparedPerDatabase((db) => {
  const personId = sql`ids.person_id`;
  return db
    .select({ personId: sql<string>`${personId}`, groups: groupsOfPersonJson(personId, tenantIdPlaceholder) })
    .from(sql`unnest(${sql.placeholder("ids")}::uuid[]) as ids(person_id)`)
    .prepare("groups_of_people");
});

/** The groups of each of these people, in one statement (groupsOfPersonJson per id). */
export async function groupsOfPeople(db: Db, tenantId: string, personIds: string[]): Promise<Map<string, GroupRef[]>> {
  if (personIds.length === 0) return new Map();
  const rows = await groupsOfIds(db).execute({ tenantId, ids: idListValue(personIds) });
  return new Map(rows.map((row) => [row.personId, row.groups]));
}
