import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import type { people } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { invalidValue } from "@/lib/scim/errors";
import type { FilterColumns } from "@/lib/scim/filter-columns";
import { parseFilter } from "@/lib/scim/filter-parser";
import { exactMatch, filterToSql, type StringColumnTarget } from "@/lib/scim/filter-sql";
import type { ListQuery } from "@/lib/scim/list-response";
import { stringEquality } from "@/lib/scim/scalar-condition";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { liveOfIntegration } from "./find-live-resource";
import { scimColumns, type ResourceTable, type ScimRow } from "./resource-table";

/** How one resource type is filtered and sorted. */
export type ResourceListing = {
  /** Where each filterable attribute lives (filterColumns.schema is the type's core schema). */
  filterColumns: FilterColumns;
  /**
   * Attributes a list may be sorted by (RFC 7644 section 3.4.2.3), keyed by their lower-case
   * path; each an indexed column or expression.
   */
  sortColumns: Record<string, AnyPgColumn | SQL>;
  /** The sortBy values to name when refusing another, as the client would write them. */
  sortable: string;
};

function sortExpression(listing: ResourceListing, sortBy: string): AnyPgColumn | SQL {
  const prefix = `${listing.filterColumns.schema}:`.toLowerCase();
  const lower = sortBy.toLowerCase();
  const column = listing.sortColumns[lower.startsWith(prefix) ? lower.slice(prefix.length) : lower];
  if (!column) throw invalidValue(`sortBy "${sortBy}" is not supported; use one of ${listing.sortable}`);
  return column;
}

/**
 * GET /Users and GET /Groups: the integration's live resources matching the filter, one
 * page. The filter becomes SQL with bound parameters, never rows filtered in memory. Order is
 * stable (the sort key, then creation, then id) so paging never skips or repeats. Only the
 * columns a rendering reads come back: a page of 100 people is otherwise 2,300 values to
 * read and map, most of them sort and search keys no response shows.
 */
export async function filterResources(
  db: Db,
  table: ResourceTable,
  listing: ResourceListing,
  scope: IntegrationScope,
  query: ListQuery,
): Promise<{ totalResults: number; rows: ScimRow[] }> {
  const filter = query.filter?.trim() ? parseFilter(query.filter) : undefined;
  const exact = filter && query.startIndex === 1 && !query.sortBy && query.count > 0 ? exactMatch(filter, listing.filterColumns) : undefined;
  if (exact) {
    const rows = await lookup(table, exact.target)(db).execute({
      tenantId: scope.tenantId,
      integrationId: scope.integration.id,
      value: exact.value,
      limit: query.count,
    });
    if (rows.length < query.count) return { totalResults: rows.length, rows };
  }
  const conditions = [eq(table.tenantId, scope.tenantId), eq(table.integrationId, scope.integration.id), isNull(table.deletedAt)];
  if (filter) conditions.push(filterToSql(filter, listing.filterColumns));
  const where = and(...conditions);
  const direction = query.sortOrder === "descending" ? desc : asc;
  const order = query.sortBy ? [direction(sortExpression(listing, query.sortBy))] : [];
  // One query for either table: drizzle types a select by its table, and both share these columns.
  const from = table as typeof people;
  const countAll = () => db.select({ total: sql<number>`count(*)::int` }).from(from).where(where).then(([row]) => row.total);
  if (query.count === 0) return { totalResults: await countAll(), rows: [] };
  // A page that is not full is the last one, and says the total itself: an identity
  // provider's lookup by userName (a filtered first page) is then one statement. Any other
  // page is usually full and needs the count, so the count comes with its rows, computed
  // once by the database (an uncorrelated subquery), in one round trip rather than two.
  const total = filter && query.startIndex === 1 ? sql<null>`null` : sql<number>`(select count(*)::int from ${from} where ${where})`;
  const page = await db
    .select({ ...scimColumns(table), total })
    .from(from)
    .where(where)
    .orderBy(...order, asc(table.createdAt), asc(table.id))
    .limit(query.count)
    .offset(query.startIndex - 1);
  const rows: ScimRow[] = page.map(({ id, resource, version, createdAt, updatedAt }) => ({ id, resource, version, createdAt, updatedAt }));
  const lastPage = rows.length < query.count && (rows.length > 0 || query.startIndex === 1);
  const totalResults = lastPage ? query.startIndex - 1 + rows.length : (page[0]?.total ?? (await countAll()));
  return { totalResults, rows };
}

/**
 * The first page of `attr eq "value"` on a string column (exactMatch), as filterResources
 * reads any page but prepared once per attribute: identity providers send this lookup before
 * almost every write. A full page (more matches than asked for) falls back to the general
 * query, which also counts them.
 */
const lookups = new WeakMap<StringColumnTarget, (db: Db) => { execute(values: Record<string, unknown>): Promise<ScimRow[]> }>();

function lookup(table: ResourceTable, target: StringColumnTarget) {
  let prepared = lookups.get(target);
  if (!prepared) {
    const from = table as typeof people;
    prepared = preparedPerDatabase((db) =>
      db
        .select(scimColumns(table))
        .from(from)
        .where(
          and(...liveOfIntegration(table), stringEquality(sql`${target.column}`, "eq", sql.placeholder("value"), target.caseExact)),
        )
        .orderBy(asc(table.createdAt), asc(table.id))
        .limit(sql.placeholder("limit"))
        .prepare("filter_lookup"),
    );
    lookups.set(target, prepared);
  }
  return prepared;
}
