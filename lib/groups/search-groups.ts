import { and, asc, desc, eq, ilike, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, integrations } from "@/db/schema";
import { countAll, pagedQuery, type Paged, type PageWindow } from "@/lib/paged-query";
import { containsPattern } from "@/lib/sql/contains-pattern";
import { groupLastModified } from "./group-version";

export const groupSortKeys = ["name", "members", "updatedAt"] as const;
export type GroupSortKey = (typeof groupSortKeys)[number];

export type GroupsQuery = {
  search?: string;
  /** Default "current": deleted roles left out. */
  status?: "current" | "deleted" | "all";
  sort?: GroupSortKey;
  descending?: boolean;
  limit: number;
  offset: number;
};

export type GroupListRow = {
  id: string;
  name: string;
  memberCount: number;
  integrationName: string | null;
  deleted: boolean;
  updatedAt: Date;
};

/**
 * One page of a tenant's groups, shown as roles of the target app. Member counts come from
 * one grouped query joined in, never one count per row.
 */
export async function searchGroups(
  db: Db,
  tenantId: string,
  query: GroupsQuery,
): Promise<Paged<GroupListRow>> {
  const status = query.status ?? "current";
  const where = and(
    eq(groups.tenantId, tenantId),
    status === "current" ? isNull(groups.deletedAt) : status === "deleted" ? isNotNull(groups.deletedAt) : undefined,
    query.search?.trim() ? ilike(groups.displayName, containsPattern(query.search.trim())) : undefined,
  );
  const counts = db
    .select({ groupId: groupMembers.groupId, count: sql<number>`count(*)::int`.as("member_count") })
    .from(groupMembers)
    .where(eq(groupMembers.tenantId, tenantId))
    .groupBy(groupMembers.groupId)
    .as("counts");
  const memberCount = sql<number>`coalesce(${counts.count}, 0)::int`;
  const sortExpressions: Record<GroupSortKey, SQL> = {
    name: sql`lower(${groups.displayName})`,
    members: memberCount,
    updatedAt: groupLastModified,
  };
  const direction = query.descending ? desc : asc;
  const rows = (page: PageWindow) =>
    db
      .select({
        id: groups.id,
        name: groups.displayName,
        memberCount,
        integrationName: integrations.name,
        deleted: sql<boolean>`${groups.deletedAt} is not null`,
        updatedAt: groupLastModified,
      })
      .from(groups)
      .leftJoin(counts, eq(counts.groupId, groups.id))
      .leftJoin(integrations, eq(integrations.id, groups.integrationId))
      .where(where)
      .orderBy(direction(sortExpressions[query.sort ?? "name"]), direction(groups.id))
      .limit(page.limit)
      .offset(page.offset);
  return pagedQuery(db.select({ total: countAll }).from(groups).where(where), query, rows);
}
