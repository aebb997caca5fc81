import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, tokens, type Integration, type Token } from "@/db/schema";
import { preparedPerDatabase } from "@/lib/sql/prepared-per-database";
import { hashSecret } from "./mint-token";

const lookup = preparedPerDatabase((db) =>
  db
    .select({ token: tokens, integration: integrations })
    .from(tokens)
    .innerJoin(integrations, eq(integrations.id, tokens.integrationId))
    .where(and(eq(tokens.secretHash, sql.placeholder("secretHash")), isNull(tokens.revokedAt)))
    .limit(1)
    .prepare("find_token_by_secret"),
);

/**
 * The token a secret belongs to, with its integration, unless it was revoked. Only the
 * secret's SHA-256 is stored, so the lookup is one indexed equality. Whether the token has
 * expired, and which integration may use it, are the caller's to judge and to explain.
 */
export async function findTokenBySecret(db: Db, secret: string): Promise<{ token: Token; integration: Integration } | undefined> {
  const [row] = await lookup(db).execute({ secretHash: hashSecret(secret) });
  return row;
}
