import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, integrations, people, tokens, type Integration, type Token } from "@/db/schema";
import { isLiveInScope, type Prefetched } from "@/lib/scim-resources/find-live-resource";
import { rowColumns, type ResourceTable } from "@/lib/scim-resources/resource-table";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { hashSecret } from "./mint-token";

const liveSecret = and(eq(tokens.secretHash, sql.placeholder("secretHash")), isNull(tokens.revokedAt));

const lookup = preparedPerDatabase((db) =>
  db
    .select({ token: tokens, integration: integrations })
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
      .select({ token: tokens, integration: integrations, resource: rowColumns(table) as typeof people._.columns })
      .from(tokens)
      .innerJoin(integrations, eq(integrations.id, tokens.integrationId))
      .leftJoin(table as typeof people, isLiveInScope(table, ofTokensIntegration))
      .where(liveSecret)
      .limit(1)
      .prepare(name),
  );
}

const lookupWithPerson = lookupWith(people, "find_token_by_secret_with_person");
const lookupWithGroup = lookupWith(groups, "find_token_by_secret_with_group");

type TokenRow = { token: Token; integration: Integration };

/**
 * The token a secret belongs to, with its integration, unless it was revoked. Only the
 * secret's SHA-256 is stored, so the lookup is one indexed equality. Whether the token has
 * expired, and which integration may use it, are the caller's to judge and to explain.
 */
export async function findTokenBySecret(db: Db, secret: string): Promise<TokenRow | undefined> {
  const [row] = await lookup(db).execute({ secretHash: hashSecret(secret) });
  return row;
}

/**
 * findTokenBySecret, and in the same statement the live resource `id` of `table` in the
 * token's integration (`prefetched.row` absent when there is none): a request that names one
 * resource saves the round trip of reading it. `id` must be a UUID.
 */
export async function findTokenWithResource(
  db: Db,
  secret: string,
  table: ResourceTable,
  id: string,
): Promise<(TokenRow & { prefetched: Prefetched }) | undefined> {
  const values = { secretHash: hashSecret(secret), id };
  const [row] = await (table === people ? lookupWithPerson : lookupWithGroup)(db).execute(values);
  if (!row) return undefined;
  return { token: row.token, integration: row.integration, prefetched: { table, id, row: row.resource ?? undefined } };
}
