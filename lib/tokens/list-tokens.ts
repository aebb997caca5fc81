import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, tokens, type Token } from "@/db/schema";

export type TokenStatus = "active" | "expired" | "revoked";

/** A token as the console lists it: never its hash, only the hint. */
export type TokenRow = Pick<
  Token,
  "id" | "integrationId" | "description" | "scope" | "hint" | "createdAt" | "lastUsedAt" | "expiresAt" | "revokedAt"
> & { integrationName: string; status: TokenStatus };

export function tokenStatus(token: Pick<Token, "revokedAt" | "expiresAt">, now = new Date()): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

/**
 * A tenant's tokens, newest first: of one integration (its settings page) or minted by one
 * console user (My Profile > Access Tokens). The tenant is always in the WHERE.
 */
export async function listTokens(
  db: Db,
  tenantId: string,
  filter: { integrationId?: string; createdByUserId?: string } = {},
): Promise<TokenRow[]> {
  const conditions: SQL[] = [eq(tokens.tenantId, tenantId)];
  if (filter.integrationId) conditions.push(eq(tokens.integrationId, filter.integrationId));
  if (filter.createdByUserId) conditions.push(eq(tokens.createdByUserId, filter.createdByUserId));
  const rows = await db
    .select({
      id: tokens.id,
      integrationId: tokens.integrationId,
      integrationName: integrations.name,
      description: tokens.description,
      scope: tokens.scope,
      hint: tokens.hint,
      createdAt: tokens.createdAt,
      lastUsedAt: tokens.lastUsedAt,
      expiresAt: tokens.expiresAt,
      revokedAt: tokens.revokedAt,
    })
    .from(tokens)
    .innerJoin(integrations, and(eq(integrations.id, tokens.integrationId), eq(integrations.tenantId, tenantId)))
    .where(and(...conditions))
    .orderBy(desc(tokens.createdAt), desc(tokens.id));
  const now = new Date();
  return rows.map((row) => ({ ...row, status: tokenStatus(row, now) }));
}
