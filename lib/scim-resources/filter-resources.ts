import { and, asc, desc, eq, isNull, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import type { people } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { invalidValue } from "@/lib/scim/errors";
import type { FilterColumns } from "@/lib/scim/filter-columns";
import type { Filter } from "@/lib/scim/filter-ast";
import { parseFilter } from "@/lib/scim/filter-parser";
import { exactMatch, filterToSql, type StringColumnTarget } from "@/lib/scim/filter-sql";
import type { ListQuery } from "@/lib/scim/list-response";
import { stringEquality } from "@/lib/scim/scalar-condition";
import { DEFAULT_COUNT } from "@/lib/scim-limits";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { liveOfIntegration, tenantIdPlaceholder, type ScopeExpressions } from "./find-live-resource";
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
 * A value read with each row of a page, from the row's id and the tenant: a person's groups
 * (groupsOfPersonJson). It is computed for the rows returned only, never for those a page's
 * OFFSET skips, and comes back as the row's `related`.
 */
export type RelatedColumn<X> = (id: SQL, tenantId: SQL) => SQL<X>;

export type ListedRow<X> = ScimRow & { related?: X };

/**
 * GET /Users and GET /Groups: the integration's live resources matching the filter, one
 * page. The filter becomes SQL with bound parameters, never rows filtered in memory. Order is
 * stable (the sort key, then creation, then id) so paging never skips or repeats. Only the
 * columns a rendering reads come back: a page of 100 people is otherwise 2,300 values to
 * read and map, most of them sort and search keys no response shows. The two shapes
 * identity providers send most, a lookup (`attr eq "value"`) and a page of everything (an
 * import), run as statements prepared once; any other is built for its request.
 */
export async function filterResources<X = never>(
  db: Db,
  table: ResourceTable,
  listing: ResourceListing,
  scope: IntegrationScope,
  query: ListQuery,
  related?: RelatedColumn<X>,
): Promise<{ totalResults: number; rows: ListedRow<X>[] }> {
  const filter = query.filter?.trim() ? parseFilter(query.filter) : undefined;
  const scopeValues = { tenantId: scope.tenantId, integrationId: scope.integration.id };
  const exact = filter ? lookupOf(table, listing, query, filter, related) : undefined;
  if (exact) {
    const rows = takePrefetchedLookup(scope, exact) ?? (await lookup(exact)(db).execute({ ...scopeValues, value: exact.value, limit: exact.limit }));
    if (rows.length < query.count) return { totalResults: rows.length, rows };
  }
  const from = table as typeof people;
  const conditions = [eq(table.tenantId, scope.tenantId), eq(table.integrationId, scope.integration.id), isNull(table.deletedAt)];
  if (filter) conditions.push(filterToSql(filter, listing.filterColumns));
  const where = and(...conditions);
  const countAll = () => db.select({ total: sql<number>`count(*)::int` }).from(from).where(where).then(([row]) => row.total);
  if (query.count === 0) return { totalResults: await countAll(), rows: [] };
  const page =
    !filter && !query.sortBy
      ? await everything(table, related, query.count)(db).execute({ ...scopeValues, limit: query.count, offset: query.startIndex - 1 })
      : await pageQuery(db, table, {
          where,
          // A page that is not full is the last one, and says the total itself: an identity
          // provider's lookup by userName (a filtered first page) is then one statement.
          counted: !(filter && query.startIndex === 1),
          sortKey: query.sortBy ? sortExpression(listing, query.sortBy) : undefined,
          descending: query.sortOrder === "descending",
          limit: query.count,
          offset: query.startIndex - 1,
          tenantId: sql`${scope.tenantId}::uuid`,
          related,
        });
  // The rows as read: a rendering reads only a ScimRow's fields, so `total` can stay.
  const rows: ListedRow<X>[] = page;
  const lastPage = rows.length < query.count && (rows.length > 0 || query.startIndex === 1);
  const totalResults = lastPage ? query.startIndex - 1 + rows.length : (page[0]?.total ?? (await countAll()));
  return { totalResults, rows };
}

type PageShape<X> = {
  where: SQL | undefined;
  /** Whether each row carries the count of all matches, or null. */
  counted: boolean;
  sortKey: AnyPgColumn | SQL | undefined;
  descending: boolean;
  /** A number is bound as a parameter; SQL (sql.raw) is written into the statement. */
  limit: number | Placeholder | SQL;
  offset: number | Placeholder;
  tenantId: SQL;
  related: RelatedColumn<X> | undefined;
};

/**
 * One page, with the count of all matches on each row when `counted`: a page that is not
 * the first is usually full and needs the count, computed once by the database (an
 * uncorrelated subquery) in the same round trip. The page is chosen by id first, then its
 * rows are read: an OFFSET skips index entries (people_integration_idx holds the live
 * page's order and filters), not whole resources read and sorted. `related` is read for
 * the page's rows only, in the page's order.
 */
function pageQuery<X>(db: Db, table: ResourceTable, shape: PageShape<X>) {
  // One query for either table: drizzle types a select by its table, and both share these columns.
  const from = table as typeof people;
  const total = (shape.counted ? sql<number>`(select count(*)::int from ${from} where ${shape.where})` : sql<number | null>`null`).as("total");
  const direction = shape.descending ? desc : asc;
  const page = db
    .select({ id: table.id, createdAt: table.createdAt, total, sortKey: sql`${shape.sortKey ?? sql`null`}`.as("sort_key") })
    .from(from)
    .where(shape.where)
    .orderBy(...(shape.sortKey ? [direction(shape.sortKey)] : []), asc(table.createdAt), asc(table.id))
    // drizzle types a LIMIT as a number or placeholder, and renders any SQL chunk given.
    .limit(shape.limit as number | Placeholder)
    .offset(shape.offset)
    .as("page");
  const related = shape.related;
  return db
    .select({ ...scimColumns(table), total: page.total, ...(related ? { related: related(sql`${table.id}`, shape.tenantId) } : {}) })
    .from(page)
    .innerJoin(from, eq(table.id, page.id))
    .orderBy(...(shape.sortKey ? [direction(page.sortKey)] : []), asc(page.createdAt), asc(page.id));
}

/** A statement prepared per database that returns rows of type R. */
type Prepared<R> = (db: Db) => { execute(values: Record<string, unknown>): Promise<R[]> };

type PreparedRows<X> = Prepared<ListedRow<X> & { total?: number | null }>;

/**
 * Statements prepared once per owner (a table, or a lookup's column), related column and
 * variant (what else is written into the statement's text).
 */
const prepared = new WeakMap<object, Map<RelatedColumn<unknown> | undefined, Map<string, Prepared<unknown>>>>();

/** The statement `build` makes, prepared once per owner, related column and variant. */
export function preparedOnce<R>(
  owner: object,
  related: RelatedColumn<unknown> | undefined,
  variant: string,
  build: (db: Db) => { prepare(name: string): unknown },
): Prepared<R> {
  let byRelated = prepared.get(owner);
  if (!byRelated) prepared.set(owner, (byRelated = new Map()));
  let byVariant = byRelated.get(related);
  if (!byVariant) byRelated.set(related, (byVariant = new Map()));
  let statement = byVariant.get(variant);
  if (!statement) {
    statement = preparedPerDatabase((db) => build(db).prepare("filter_resources") as ReturnType<Prepared<unknown>>);
    byVariant.set(variant, statement);
  }
  return statement as Prepared<R>;
}

/**
 * Every live resource of the integration, one page (an import), with the count. A page of
 * DEFAULT_COUNT, the size identity providers import by, has that LIMIT written into its
 * statement. PostgreSQL keeps one plan for a prepared statement only when that plan, made
 * without the values, costs no more than the plans made with them. For a LIMIT parameter it
 * guesses a tenth of the matching rows, so it planned each page anew: about 0.9 ms of the
 * database's CPU per page. Other sizes bind the LIMIT as a parameter.
 */
function everything<X>(table: ResourceTable, related: RelatedColumn<X> | undefined, count: number): PreparedRows<X> {
  const fixed = count === DEFAULT_COUNT;
  return preparedOnce(table, related as RelatedColumn<unknown> | undefined, fixed ? "default-count" : "", (db) =>
    pageQuery(db, table, {
      where: and(...liveOfIntegration(table)),
      counted: true,
      sortKey: undefined,
      descending: false,
      limit: fixed ? sql.raw(String(DEFAULT_COUNT)) : sql.placeholder("limit"),
      offset: sql.placeholder("offset"),
      tenantId: tenantIdPlaceholder,
      related,
    }),
  );
}

/**
 * The first page of `attr eq "value"` on a string column (exactMatch), unsorted: the lookup
 * identity providers send before almost every write, read by a statement prepared once per
 * attribute. A full page (more matches than asked for) falls back to the general query,
 * which also counts them.
 */
export type Lookup<X = unknown> = {
  table: ResourceTable;
  target: StringColumnTarget;
  value: string;
  limit: number;
  related: RelatedColumn<X> | undefined;
};

/** The query as a Lookup, or undefined when it is another shape. */
function lookupOf<X>(table: ResourceTable, listing: ResourceListing, query: ListQuery, filter: Filter, related?: RelatedColumn<X>): Lookup<X> | undefined {
  if (query.startIndex !== 1 || query.sortBy || query.count <= 0) return undefined;
  const exact = exactMatch(filter, listing.filterColumns);
  return exact && { table, target: exact.target, value: exact.value, limit: query.count, related };
}

/**
 * The Lookup a GET's query is, for reading it before the request runs (with its token,
 * lib/tokens/find-token-by-secret.ts), or undefined: another shape, or a query or filter
 * that does not parse, which filterResources then refuses with its error.
 */
export function prefetchableLookup<X>(table: ResourceTable, listing: ResourceListing, query: ListQuery, related?: RelatedColumn<X>): Lookup<X> | undefined {
  if (!query.filter) return undefined;
  let filter: Filter;
  try {
    filter = parseFilter(query.filter);
  } catch {
    return undefined;
  }
  return lookupOf(table, listing, query, filter, related);
}

/** A Lookup's rows, read by the statement that checked the request's token. */
export type PrefetchedLookup = { lookup: Lookup; rows: ListedRow<unknown>[] };

/** The prefetched rows of this very lookup, once; any other read goes to the database. */
function takePrefetchedLookup<X>(scope: IntegrationScope, wanted: Lookup<X>): ListedRow<X>[] | undefined {
  const prefetched = scope.prefetched;
  if (!prefetched || !("lookup" in prefetched)) return undefined;
  const { lookup } = prefetched;
  // A target is its listing's own object (exactMatch), so the same attribute is the same target.
  const same = lookup.target === wanted.target && lookup.value === wanted.value && lookup.limit === wanted.limit && lookup.related === wanted.related;
  if (!same) return undefined;
  scope.prefetched = undefined;
  return prefetched.rows as ListedRow<X>[];
}

/**
 * A Lookup's rows in the integration `scope` names (placeholders by default, or columns of a
 * joined integration), with placeholders `value` and `limit`. With no OFFSET, the related
 * value is read for the rows returned only, so the lookup needs no subquery.
 */
export function lookupQuery(db: Db, lookup: Pick<Lookup, "table" | "target" | "related">, scope?: ScopeExpressions) {
  const { table, target, related } = lookup;
  const from = table as typeof people;
  const tenantId = scope ? sql`${scope.tenantId}` : tenantIdPlaceholder;
  return db
    .select({ ...scimColumns(table), ...(related ? { related: related(sql`${table.id}`, tenantId).as("related") } : {}) })
    .from(from)
    .where(and(...liveOfIntegration(table, scope), stringEquality(sql`${target.column}`, "eq", sql.placeholder("value"), target.caseExact)))
    .orderBy(asc(table.createdAt), asc(table.id))
    .limit(sql.placeholder("limit"));
}

/** lookupQuery, prepared once per attribute and related column. */
function lookup<X>(wanted: Lookup<X>): PreparedRows<X> {
  return preparedOnce(wanted.target, wanted.related as RelatedColumn<unknown> | undefined, "", (db) => lookupQuery(db, wanted));
}
