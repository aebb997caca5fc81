import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { groups, type Group } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { invalidValue } from "@/lib/scim/errors";
import { parseFilter } from "@/lib/scim/filter-parser";
import { filterToSql } from "@/lib/scim/filter-sql";
import type { ListQuery } from "@/lib/scim/list-response";
import { groupFilterColumns } from "./internal/group-filter-columns";

/** Attributes a list may be sorted by (RFC 7644 section 3.4.2.3). displayName is caseExact false. */
const sortColumns: Record<string, AnyPgColumn | SQL> = {
  id: groups.id,
  displayname: sql`lower(${groups.displayName})`,
  externalid: groups.externalId,
  "meta.created": groups.createdAt,
  "meta.lastmodified": groups.updatedAt,
};

function sortExpression(sortBy: string): AnyPgColumn | SQL {
  const key = sortBy.replace(/^urn:ietf:params:scim:schemas:core:2\.0:Group:/i, "").toLowerCase();
  const column = sortColumns[key];
  if (!column) throw invalidValue(`sortBy "${sortBy}" is not supported; use one of displayName, externalId, id, meta.created, meta.lastModified`);
  return column;
}

/**
 * GET /Groups: the filter becomes SQL with bound parameters (members[value eq "U"] is an
 * EXISTS on the membership table), never groups filtered in memory. Order is stable (the sort
 * key, then creation, then id) so paging never skips or repeats. Members are not loaded here.
 */
export async function filterGroups(
  db: Db,
  scope: IntegrationScope,
  query: ListQuery,
): Promise<{ totalResults: number; groups: Group[] }> {
  const conditions = [
    eq(groups.tenantId, scope.tenantId),
    eq(groups.integrationId, scope.integration.id),
    isNull(groups.deletedAt),
  ];
  if (query.filter !== undefined && query.filter.trim() !== "") {
    conditions.push(filterToSql(parseFilter(query.filter), groupFilterColumns));
  }
  const where = and(...conditions);
  const direction = query.sortOrder === "descending" ? desc : asc;
  const order = query.sortBy ? [direction(sortExpression(query.sortBy))] : [];
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(groups).where(where);
  if (query.count === 0 || total < query.startIndex) return { totalResults: total, groups: [] };
  const rows = await db
    .select()
    .from(groups)
    .where(where)
    .orderBy(...order, asc(groups.createdAt), asc(groups.id))
    .limit(query.count)
    .offset(query.startIndex - 1);
  return { totalResults: total, groups: rows };
}
