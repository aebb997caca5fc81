import { and, eq, getTableName, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { people } from "@/db/schema";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { isUuid } from "@/lib/is-uuid";
import { notFound, ScimError } from "@/lib/scim/errors";
import { ifMatchSatisfied } from "@/lib/scim/etag";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { rowColumns, type ResourceRow, type ResourceTable } from "./resource-table";

/** The row lock a write takes as it reads (PostgreSQL's FOR ... row-level lock modes). */
export type RowLock = "update" | "no key update" | "key share";
export type FindOptions = { lock?: RowLock; ifMatch?: string | null };

/**
 * A live User or Group of this integration, or 404: another tenant's or integration's, a
 * deleted one, and a malformed id all look the same. `lock` locks the row. A write to one
 * resource locks it FOR NO KEY UPDATE, so concurrent writes apply one after the other, each
 * bumping the version once, while a concurrent group PATCH can still take the KEY SHARE lock
 * its membership insert needs on a person: a person's DELETE and a group's PATCH cannot
 * deadlock on each other. A person's PATCH and PUT read without a lock first and write only
 * if the version is unchanged (lib/people/internal/write-optimistically.ts). Groups differ:
 * a member-only PATCH locks FOR KEY SHARE and every other write to a group FOR UPDATE, which
 * waits for those PATCHes (see patchGroup).
 * RFC 7644 section 3.14: a write whose If-Match names an older version is refused with 412.
 */
export async function findLiveResource<T extends ResourceTable>(
  db: Db,
  table: T,
  resourceType: "User" | "Group",
  scope: IntegrationScope,
  id: string,
  options: FindOptions = {},
): Promise<ResourceRow<T>> {
  const prefetched = takePrefetched(scope, table, id);
  const row = prefetched && !options.lock
    ? await readLiveInScope(resourceType, scope, id, async () => (prefetched.row ? [prefetched.row] : []))
    : await readLiveInScope(resourceType, scope, id, (values) => liveRead(table, options.lock)(db).execute(values));
  if (options.ifMatch !== undefined && !ifMatchSatisfied(options.ifMatch, row.version)) {
    throw new ScimError(412, undefined, `${resourceType} ${id} has changed (version ${row.version}); fetch it again`);
  }
  return row as ResourceRow<T>;
}

/**
 * The resource a SCIM request names, read by the statement that checked its token, with the
 * token's integration as the scope (lib/tokens/find-token-by-secret.ts); `row` is absent when
 * no live resource has that id there.
 */
export type Prefetched = { table: ResourceTable; id: string; row: ResourceRow<ResourceTable> | undefined };

/**
 * The prefetched row of this resource, once: the first read of the resource a request names
 * takes it, if that read takes no lock. Any later read, a locked one, and every read after a
 * conflict reads the database, so nothing the request wrote meanwhile is read stale.
 */
function takePrefetched(scope: IntegrationScope, table: ResourceTable, id: string): Prefetched | undefined {
  const prefetched = scope.prefetched;
  if (!prefetched || !("id" in prefetched) || prefetched.table !== table || prefetched.id !== id) return undefined;
  scope.prefetched = undefined;
  return prefetched;
}

/**
 * The row a prepared read by isLiveInScope finds for this id, or the 404 that a malformed,
 * unknown or out-of-scope id gets alike.
 */
export async function readLiveInScope<R>(
  resourceType: "User" | "Group",
  scope: IntegrationScope,
  id: string,
  read: (values: ReturnType<typeof liveInScopeValues>) => Promise<R[]>,
): Promise<R> {
  if (!isUuid(id)) throw notFound(`${resourceType} ${id} not found`);
  const [row] = await read(liveInScopeValues(scope, id));
  if (!row) throw notFound(`${resourceType} ${id} not found`);
  return row;
}

/**
 * The row of placeholder `id`, if it is live and of the integration in placeholders
 * `tenantId` and `integrationId` (liveInScopeValues): the rule findLiveResource reads by.
 * `scope` names the integration by other expressions instead (a joined integration's columns).
 */
export function isLiveInScope(table: ResourceTable, scope?: ScopeExpressions): SQL | undefined {
  return and(eq(table.id, sql.placeholder("id")), ...liveOfIntegration(table, scope));
}

/** What names the integration in a statement: placeholders by default, or columns. */
export type ScopeExpressions = { tenantId: SQLWrapper; integrationId: SQLWrapper };

const scopePlaceholders: ScopeExpressions = { tenantId: sql.placeholder("tenantId"), integrationId: sql.placeholder("integrationId") };

/**
 * Live rows of the integration in placeholders `tenantId` and `integrationId`: what a prepared
 * read of resources starts from. `equals` compares the scope; a read that finds its rows by an
 * id list passes checkOnly (lib/sql/in-id-list.ts), so the scope cannot become its index.
 */
export function liveOfIntegration(
  table: ResourceTable,
  scope: ScopeExpressions = scopePlaceholders,
  equals: (column: AnyPgColumn, value: SQLWrapper) => SQL = eq,
): SQL[] {
  return [equals(table.tenantId, scope.tenantId), equals(table.integrationId, scope.integrationId), isNull(table.deletedAt)];
}

/** Placeholder `tenantId` (liveInScopeValues) where SQL written by hand needs it as a uuid. */
export const tenantIdPlaceholder = sql`${sql.placeholder("tenantId")}::uuid`;

/** The values of isLiveInScope's placeholders. */
export function liveInScopeValues(scope: IntegrationScope, id: string) {
  return { id, tenantId: scope.tenantId, integrationId: scope.integration.id };
}

/** One prepared read per table and lock: both tables share these columns, so one query serves either. */
const liveReads = new Map<string, (db: Db) => { execute(values: Record<string, unknown>): Promise<ResourceRow<ResourceTable>[]> }>();

function liveRead(table: ResourceTable, lock: RowLock | undefined) {
  const key = `${getTableName(table)}_${lock ?? "unlocked"}`;
  let read = liveReads.get(key);
  if (!read) {
    read = preparedPerDatabase((db) => {
      const query = db.select(rowColumns(table) as typeof people._.columns).from(table as typeof people).where(isLiveInScope(table));
      return (lock ? query.for(lock) : query).prepare(`find_live_${key.replace(/ /g, "_")}`);
    });
    liveReads.set(key, read);
  }
  return read;
}
