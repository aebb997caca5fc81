import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { inIdList } from "@/lib/sql/in-id-list";
import type { GroupRef } from "./scim-user";

/**
 * The groups (roles) of each person, in one query for a whole page of people. The ids are
 * bound as one array, so the statement is the same for every page and stays prepared.
 */
export async function groupsOfPeople(db: Db, tenantId: string, personIds: string[]): Promise<Map<string, GroupRef[]>> {
  const result = new Map<string, GroupRef[]>();
  if (personIds.length === 0) return result;
  const rows = await db
    .select({ personId: groupMembers.personId, value: groups.id, display: groups.displayName })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.tenantId, tenantId), inIdList(groupMembers.personId, personIds), isNull(groups.deletedAt)))
    .orderBy(groups.displayName);
  for (const row of rows) {
    const list = result.get(row.personId) ?? [];
    list.push({ value: row.value, display: row.display });
    result.set(row.personId, list);
  }
  return result;
}
