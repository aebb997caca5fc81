import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { people, type Person } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { invalidValue } from "@/lib/scim/errors";
import { parseFilter } from "@/lib/scim/filter-parser";
import { filterToSql } from "@/lib/scim/filter-sql";
import type { ListQuery } from "@/lib/scim/list-response";
import { userFilterColumns } from "./internal/user-filter-columns";

/** Attributes a list may be sorted by (RFC 7644 section 3.4.2.3), each an indexed column. */
const sortColumns: Record<string, AnyPgColumn | SQL> = {
  id: people.id,
  username: sql`lower(${people.userName})`,
  externalid: people.externalId,
  displayname: people.displayName,
  active: people.active,
  "name.givenname": people.givenName,
  "name.familyname": people.familyName,
  emails: people.primaryEmail,
  "emails.value": people.primaryEmail,
  "meta.created": people.createdAt,
  "meta.lastmodified": people.updatedAt,
};

function sortExpression(sortBy: string): AnyPgColumn | SQL {
  const key = sortBy.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, "").toLowerCase();
  const column = sortColumns[key];
  if (!column) throw invalidValue(`sortBy "${sortBy}" is not supported; use one of userName, externalId, displayName, name.givenName, name.familyName, emails, meta.created, meta.lastModified`);
  return column;
}

/**
 * GET /Users: the filter becomes SQL with bound parameters, never rows filtered in memory.
 * Order is stable (the sort key, then creation, then id) so paging never skips or repeats.
 */
export async function filterPeople(
  db: Db,
  scope: IntegrationScope,
  query: ListQuery,
): Promise<{ totalResults: number; people: Person[] }> {
  const conditions = [
    eq(people.tenantId, scope.tenantId),
    eq(people.integrationId, scope.integration.id),
    isNull(people.deletedAt),
  ];
  if (query.filter !== undefined && query.filter.trim() !== "") {
    conditions.push(filterToSql(parseFilter(query.filter), userFilterColumns));
  }
  const where = and(...conditions);
  const direction = query.sortOrder === "descending" ? desc : asc;
  const order = query.sortBy ? [direction(sortExpression(query.sortBy))] : [];
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(people).where(where);
  if (query.count === 0 || total < query.startIndex) return { totalResults: total, people: [] };
  const rows = await db
    .select()
    .from(people)
    .where(where)
    .orderBy(...order, asc(people.createdAt), asc(people.id))
    .limit(query.count)
    .offset(query.startIndex - 1);
  return { totalResults: total, people: rows };
}
