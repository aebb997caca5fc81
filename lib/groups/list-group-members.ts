import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, people } from "@/db/schema";
import { countAll, pagedQuery, type Paged, type PageWindow } from "@/lib/paged-query";
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
  page: PageWindow,
): Promise<Paged<GroupMemberRow>> {
  const where = and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, groupId), eq(people.tenantId, tenantId));
  const counted = db.select({ total: countAll }).from(groupMembers).innerJoin(people, eq(people.id, groupMembers.personId)).where(where);
  return pagedQuery(counted, page, ({ limit, offset }) =>
    db
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
      .limit(limit)
      .offset(offset),
  );
}
