import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people } from "@/db/schema";
import { countAll, pagedQuery, type Paged } from "@/lib/paged-query";
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
  sort?: PeopleSortKey;
  descending?: boolean;
  limit: number;
  offset: number;
};

export type PersonListRow = {
  id: string;
  name: string;
  userName: string;
  primaryEmail: string | null;
  status: PersonStatus;
  region: string | null;
  integrationName: string | null;
  updatedAt: Date;
};

const sortExpressions: Record<PeopleSortKey, SQL> = {
  name: sql`lower(${personNameSql})`,
  userName: sql`lower(${people.userName})`,
  email: sql`lower(${people.primaryEmail})`,
  status: personStatusSql,
  updatedAt: sql`${people.updatedAt}`,
};

/** Purged people are never listed: nothing about them is left to show but their tombstone page. */
function statusCondition(status: PeopleQuery["status"]): SQL | undefined {
  if (status === "all") return isNull(people.purgedAt);
  if (status === undefined || status === "current") return and(isNull(people.deletedAt), isNull(people.purgedAt));
  return and(isNull(people.purgedAt), sql`${personStatusSql} = ${status}`);
}

/** The People table's search and status filter as SQL: what "all matching this filter" means. */
export function peopleMatching(tenantId: string, query: Pick<PeopleQuery, "search" | "status" | "integrationId">): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(people.tenantId, tenantId), statusCondition(query.status)];
  if (query.integrationId) conditions.push(eq(people.integrationId, query.integrationId));
  const search = query.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    conditions.push(
      or(ilike(people.userName, pattern), ilike(personNameSql, pattern), ilike(people.primaryEmail, pattern)),
    );
  }
  return and(...conditions);
}

/**
 * One page of a tenant's people for the console: the search is one bound ILIKE pattern over
 * userName, name and primary email; the order always ends on the id so pages never overlap.
 */
export async function searchPeople(
  db: Db,
  tenantId: string,
  query: PeopleQuery,
): Promise<Paged<PersonListRow>> {
  const where = peopleMatching(tenantId, query);
  const direction = query.descending ? desc : asc;
  return pagedQuery(db.select({ total: countAll }).from(people).where(where), query, (page) =>
    db
      .select({
        id: people.id,
        name: personNameSql,
        userName: people.userName,
        primaryEmail: people.primaryEmail,
        status: personStatusSql,
        region: people.region,
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
