import { and, asc, eq, isNull, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, integrations, people, tokens, type Integration, type Token } from "@/db/schema";
import { lookupQuery, preparedOnce, type Lookup, type PrefetchedLookup, type RelatedColumn } from "@/lib/scim-resources/filter-resources";
import { isLiveInScope, type Prefetched } from "@/lib/scim-resources/find-live-resource";
import { rowColumns, scimColumns, type ResourceTable, type ScimRow } from "@/lib/scim-resources/resource-table";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";

const liveSecret = and(eq(tokens.secretHash, sql.placeholder("secretHash")), isNull(tokens.revokedAt));

/**
 * The version of a token's row and its integration's row as a statement reads them: their
 * `xmin`, which every write of the row changes (revoking, renaming, disabling, new settings,
 * a last-used time). What confirms a remembered authentication (credentialsUnchanged).
 */
const credentialsVersion = sql<string>`${tokens}.xmin::text || '/' || ${integrations}.xmin::text`;

/**
 * True in a statement when the live token of `secretHash` and its integration are still at
 * `version`, as some earlier statement read them: a write guarded by it is done only with
 * the credentials it was authenticated with (lib/tokens/remembered-credentials.ts).
 */
export function credentialsUnchanged(secretHash: SQL | Placeholder, version: SQL | Placeholder): SQL {
  return sql`exists (select 1 from ${tokens} inner join ${integrations} on ${eq(integrations.id, tokens.integrationId)}
    where ${tokens.secretHash} = ${secretHash} and ${tokens.revokedAt} is null and ${credentialsVersion} = ${version})`;
}

const lookup = preparedPerDatabase((db) =>
  db
    .select({ token: tokens, integration: integrations, version: credentialsVersion })
    .from(tokens)
    .innerJoin(integrations, eq(integrations.id, tokens.integrationId))
    .where(liveSecret)
    .limit(1)
    .prepare("find_token_by_secret"),
);

/** The token's own integration names the scope, so a token never reads another integration's resource. */
const ofTokensIntegration = { tenantId: integrations.tenantId, integrationId: integrations.id };

/** The token's lookup, with `table`'s live row of placeholder `id` in the token's integration, or null. */
function lookupWith(table: ResourceTable, name: string) {
  return preparedPerDatabase((db) =>
    db
      .select({ token: tokens, integration: integrations, version: credentialsVersion, resource: rowColumns(table) as typeof people._.columns })
      .from(tokens)
      .innerJoin(integrations, eq(integrations.id, tokens.integrationId))
      .leftJoin(table as typeof people, isLiveInScope(table, ofTokensIntegration))
      .where(liveSecret)
      .limit(1)
      .prepare(name),
  );
}

/** The token's lookup, with the rows of a Lookup in the token's integration, each on its own row with the token. */
function lookupWithMatches(lookup: Lookup) {
  return preparedOnce<MatchRow>(lookup.target, lookup.related as RelatedColumn<unknown> | undefined, "with-token", (db) => {
    const matches = lookupQuery(db, lookup, ofTokensIntegration).as("matches");
    const fields = matches as unknown as Record<string, unknown>;
    const match = Object.fromEntries(Object.keys(scimColumns(lookup.table)).map((name) => [name, fields[name]]));
    return db
      .select({
        token: tokens,
        integration: integrations,
        version: credentialsVersion,
        match: match as ReturnType<typeof scimColumns>,
        ...(lookup.related ? { related: fields.related as SQL } : {}),
      })
      .from(tokens)
      .innerJoin(integrations, eq(integrations.id, tokens.integrationId))
      .leftJoinLateral(matches, sql`true`)
      .where(liveSecret)
      .orderBy(asc(fields.createdAt as SQL), asc(fields.id as SQL));
  });
}

const lookupWithPerson = lookupWith(people, "find_token_by_secret_with_person");
const lookupWithGroup = lookupWith(groups, "find_token_by_secret_with_group");

/** A live token with its integration, and the version of both rows (credentialsVersion). */
export type TokenRow = { token: Token; integration: Integration; version: string };

/** A row of lookupWithMatches: `match` is null when nothing matched. */
type MatchRow = TokenRow & { match: ScimRow | null; related?: unknown };

/**
 * The token of a secret's SHA-256 (hashSecret), with its integration, unless it was revoked.
 * Only the hash is stored, so the lookup is one indexed equality. Whether the token has
 * expired, and which integration may use it, are the caller's to judge and to explain.
 */
export async function findTokenBySecret(db: Db, secretHash: string): Promise<TokenRow | undefined> {
  const [row] = await lookup(db).execute({ secretHash });
  return row;
}

/**
 * findTokenBySecret, and in the same statement the live resource `id` of `table` in the
 * token's integration (`prefetched.row` absent when there is none): a request that names one
 * resource saves the round trip of reading it. `id` must be a UUID.
 */
export async function findTokenWithResource(
  db: Db,
  secretHash: string,
  table: ResourceTable,
  id: string,
): Promise<(TokenRow & { prefetched: Prefetched }) | undefined> {
  const values = { secretHash, id };
  const [row] = await (table === people ? lookupWithPerson : lookupWithGroup)(db).execute(values);
  if (!row) return undefined;
  return { token: row.token, integration: row.integration, version: row.version, prefetched: { table, id, row: row.resource ?? undefined } };
}

/**
 * findTokenBySecret, and in the same statement the rows `lookup` finds in the token's
 * integration (filterResources takes them): an identity provider's lookup before a write
 * saves the round trip of a second statement.
 */
export async function findTokenWithLookup(
  db: Db,
  secretHash: string,
  lookup: Lookup,
): Promise<(TokenRow & { prefetched: PrefetchedLookup }) | undefined> {
  const rows = await lookupWithMatches(lookup)(db).execute({ secretHash, value: lookup.value, limit: lookup.limit });
  if (rows.length === 0) return undefined;
  const found = rows.filter((row) => row.match?.id != null).map((row) => (lookup.related ? { ...row.match!, related: row.related } : row.match!));
  const [{ token, integration, version }] = rows;
  return { token, integration, version, prefetched: { lookup, rows: found } };
}
