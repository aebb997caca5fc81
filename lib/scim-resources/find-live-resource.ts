import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { people } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { isUuid } from "@/lib/is-uuid";
import { notFound, ScimError } from "@/lib/scim/errors";
import { ifMatchSatisfied } from "@/lib/scim/etag";
import type { ResourceRow, ResourceTable } from "./resource-table";

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
  if (!isUuid(id)) throw notFound(`${resourceType} ${id} not found`);
  // One query for either table: drizzle types a select by its table, and both share these columns.
  const query = db
    .select()
    .from(table as typeof people)
    .where(isLiveInScope(table, scope, id));
  const [row] = options.lock ? await query.for(options.lock) : await query;
  if (!row) throw notFound(`${resourceType} ${id} not found`);
  if (options.ifMatch !== undefined && !ifMatchSatisfied(options.ifMatch, row.version)) {
    throw new ScimError(412, undefined, `${resourceType} ${id} has changed (version ${row.version}); fetch it again`);
  }
  return row as ResourceRow<T>;
}

/** The row `id` names, if it is live and this integration's: the rule findLiveResource reads by. */
export function isLiveInScope(table: ResourceTable, scope: IntegrationScope, id: string): SQL | undefined {
  return and(
    eq(table.id, id),
    eq(table.tenantId, scope.tenantId),
    eq(table.integrationId, scope.integration.id),
    isNull(table.deletedAt),
  );
}
