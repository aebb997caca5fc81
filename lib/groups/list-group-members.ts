import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, people } from "@/db/schema";
import { personNameSql, personStatusSql, type PersonStatus } from "@/lib/people/person-status";

export type GroupMemberRow = {
  id: string;
  name: string;
  userName: string;
  primaryEmail: string | null;
  status: PersonStatus;
  memberSince: Date;
};

/** One page of a role's members, by name; the tenant is in the WHERE of both tables. */
export async function listGroupMembers(
  db: Db,
  tenantId: string,
  groupId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: GroupMemberRow[]; total: number }> {
  const where = and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, groupId), eq(people.tenantId, tenantId));
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(groupMembers)
    .innerJoin(people, eq(people.id, groupMembers.personId))
    .where(where);
  if (total === 0) return { rows: [], total };
  const rows = await db
    .select({
      id: people.id,
      name: personNameSql,
      userName: people.userName,
      primaryEmail: people.primaryEmail,
      status: personStatusSql,
      memberSince: groupMembers.createdAt,
    })
    .from(groupMembers)
    .innerJoin(people, eq(people.id, groupMembers.personId))
    .where(where)
    .orderBy(asc(sql`lower(${personNameSql})`), asc(people.id))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total };
}
