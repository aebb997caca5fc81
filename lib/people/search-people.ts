import { and, asc, desc, eq, isNotNull, isNull, like, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, integrations, people } from "@/db/schema";
import { cappedPagedQuery, COUNT_CAP, type CappedPage } from "@/lib/paged-query";
import { personNameSql, personStatusSql, type PersonStatus } from "./person-status";
import { containsPattern } from "@/lib/sql/contains-pattern";

export const peopleSortKeys = ["name", "userName", "email", "status", "updatedAt"] as const;
export type PeopleSortKey = (typeof peopleSortKeys)[number];
export type PeopleStatusFilter = PersonStatus | "all";

export type PeopleQuery = {
  search?: string;
  /** Default "current": active and inactive people, deleted ones left out. */
  status?: PeopleStatusFilter | "current";
  /** Only the people this integration manages: who is left to move while a tenant changes identity provider. */
  integrationId?: string;
  /** Only members of this role (group). */
  roleId?: string;
  /** The enterprise extension's department, exactly. */
  department?: string;
  /** The target app's region (the integration's default region for new people, TrackTik's "HQ"). */
  region?: string;
  sort?: PeopleSortKey;
  descending?: boolean;
  limit: number;
  offset: number;
  /** Stop counting past this many (COUNT_CAP unless a test says otherwise). */
  countCap?: number;
};

export type PersonListRow = {
  id: string;
  name: string;
  userName: string;
  primaryEmail: string | null;
  status: PersonStatus;
  region: string | null;
  department: string | null;
  integrationName: string | null;
  updatedAt: Date;
};

/** Text columns sort in natural order by their generated keys, in the C collation their indexes use. */
const sortExpressions: Record<PeopleSortKey, SQL> = {
  name: sql`(${people.nameSortKey} collate "C")`,
  userName: sql`(${people.userNameSortKey} collate "C")`,
  email: sql`(${people.emailSortKey} collate "C")`,
  status: personStatusSql,
  updatedAt: sql`${people.updatedAt}`,
};

/**
 * Purged people are never listed: nothing about them is left to show but their tombstone
 * page. Each status is personStatusSql's rule written as plain column tests, so the partial
 * indexes of the few inactive and deleted people answer those filters.
 */
function statusCondition(status: PeopleQuery["status"]): SQL | undefined {
  const live = and(isNull(people.deletedAt), isNull(people.purgedAt));
  switch (status) {
    case "all":
      return isNull(people.purgedAt);
    case undefined:
    case "current":
      return live;
    case "active":
      return and(sql`${people.active}`, live);
    case "inactive":
      return and(sql`not ${people.active}`, live);
    case "deleted":
      return and(isNotNull(people.deletedAt), isNull(people.purgedAt));
  }
}

export type PeopleFilter = Pick<PeopleQuery, "search" | "status" | "integrationId" | "roleId" | "department" | "region">;

/**
 * The People table's search and filters as SQL: what "all matching this filter" means. The
 * search is one LIKE over the generated search_text (userName, name, every email,
 * externalId, employee number, department, lowercased).
 */
export function peopleMatching(tenantId: string, query: PeopleFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(people.tenantId, tenantId), statusCondition(query.status)];
  if (query.integrationId) conditions.push(eq(people.integrationId, query.integrationId));
  if (query.department) conditions.push(eq(people.department, query.department));
  if (query.region) conditions.push(eq(people.region, query.region));
  if (query.roleId) {
    conditions.push(
      sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${query.roleId} and ${groupMembers.personId} = ${people.id} and ${groupMembers.tenantId} = ${tenantId})`,
    );
  }
  const search = query.search?.trim();
  if (search) conditions.push(like(people.searchText, containsPattern(search.toLowerCase())));
  return and(...conditions);
}

/**
 * One page of a tenant's people for the console, searched and filtered (peopleMatching),
 * sorted in SQL; the order always ends on the id so pages never overlap. `total` is exact
 * up to the count cap; `capped` says there are more than that.
 */
export async function searchPeople(
  db: Db,
  tenantId: string,
  query: PeopleQuery,
): Promise<CappedPage<PersonListRow>> {
  const where = peopleMatching(tenantId, query);
  const direction = query.descending ? desc : asc;
  return cappedPagedQuery(db, { table: people, where }, query.countCap ?? COUNT_CAP, query, (page) =>
    db
      .select({
        id: people.id,
        name: personNameSql,
        userName: people.userName,
        primaryEmail: people.primaryEmail,
        status: personStatusSql,
        region: people.region,
        department: people.department,
        integrationName: integrations.name,
        updatedAt: people.updatedAt,
      })
      .from(people)
      .leftJoin(integrations, eq(integrations.id, people.integrationId))
      .where(where)
      .orderBy(direction(sortExpressions[query.sort ?? "name"]), direction(people.id))
      .limit(page.limit)
      .offset(page.offset),
  );
}
