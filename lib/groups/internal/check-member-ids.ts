import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, people } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { isUuid } from "@/lib/is-uuid";
import { invalidValue } from "@/lib/scim/errors";
import { checkOnly, idListValue, inIdList, listedIds } from "@/lib/sql/in-id-list";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { liveOfIntegration, type ScopeExpressions } from "@/lib/scim-resources/find-live-resource";

const NAMED_AT_MOST = 20;

/**
 * Checks, in one query however many ids there are, that every id to add is a live person of
 * this tenant and integration. Otherwise the whole request fails with 400 invalidValue naming
 * the unknown ids (RFC 7644 section 3.12), before anything is written. Another tenant's person
 * is simply unknown. Nested groups are not supported: a group's id gets its own message.
 * Call it inside the transaction that writes the members.
 */
export async function checkMemberIds(db: Db, scope: IntegrationScope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const candidates = ids.filter(isUuid);
  const found = candidates.length === 0 ? [] : await liveMembers(db).execute(liveMembersValues(scope, candidates));
  await refuseUnknownMembers(db, scope, ids, found.map((row) => row.id));
}

/**
 * Fails the request, as checkMemberIds says, when any of `ids` is not among `live` (the ids
 * of live people found for them, in the same snapshot as the write).
 */
export async function refuseUnknownMembers(db: Db, scope: IntegrationScope, ids: readonly string[], live: readonly string[]): Promise<void> {
  const found = new Set(live);
  const unknown = ids.filter((id) => !found.has(id.toLowerCase()));
  if (unknown.length === 0) return;

  const nested = await groupIdsAmong(db, scope, unknown.filter(isUuid));
  if (nested.length > 0) {
    throw invalidValue(`Nested groups are not supported; members must be users, and ${named(nested)} ${nested.length === 1 ? "is a group" : "are groups"}. Nothing was changed.`);
  }
  throw invalidValue(`Unknown member ${named(unknown)}: members must be users provisioned by this integration. Nothing was changed.`);
}

/**
 * The live people of this tenant and integration among placeholder `candidates` (well-formed
 * ids; liveMembersValues), or among `candidates` (a uuid[] expression) and in `scope` as
 * given. The ids find the people, by the primary key; the scope only checks them (listedIds,
 * checkOnly). FOR SHARE waits for a concurrent DELETE of one of them to commit and then sees
 * them gone, so no deleted person is ever added to a group.
 */
export function liveMembersAmong(db: Db, scope?: ScopeExpressions, candidates: SQL = sql`${sql.placeholder("candidates")}::uuid[]`) {
  return db
    .select({ id: people.id, tenantId: people.tenantId })
    .from(listedIds(candidates))
    .innerJoin(people, sql`${people.id} = listed.id`)
    .where(and(...liveOfIntegration(people, scope, checkOnly)))
    .for("share", { of: people });
}

export function liveMembersValues(scope: IntegrationScope, candidates: readonly string[]) {
  return { tenantId: scope.tenantId, integrationId: scope.integration.id, candidates: idListValue(candidates) };
}

const liveMembers = preparedPerDatabase((db) => liveMembersAmong(db).prepare("live_members_among"));

function inScope(table: typeof people | typeof groups, scope: IntegrationScope) {
  return [eq(table.tenantId, scope.tenantId), eq(table.integrationId, scope.integration.id)];
}

/** Only asked when the request is already refused, to say why. */
async function groupIdsAmong(db: Db, scope: IntegrationScope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(...inScope(groups, scope), isNull(groups.deletedAt), inIdList(groups.id, ids)));
  return rows.map((row) => row.id);
}

function named(ids: string[]): string {
  const listed = ids.slice(0, NAMED_AT_MOST).map((id) => `"${id}"`).join(", ");
  return ids.length > NAMED_AT_MOST ? `${listed} and ${ids.length - NAMED_AT_MOST} more` : listed;
}
