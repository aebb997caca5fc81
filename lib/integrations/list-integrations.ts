import { and, asc, count, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, tokens, type Integration } from "@/db/schema";

export type IntegrationRow = Pick<Integration, "id" | "provider" | "name" | "status" | "createdAt" | "lastRequestAt"> & {
  /** Tokens neither revoked nor expired: what the identity provider can authenticate with. */
  liveTokens: number;
};

/** A tenant's installed integrations, oldest first, with how many live tokens each has. */
export async function listIntegrations(db: Db, tenantId: string): Promise<IntegrationRow[]> {
  const live = db
    .select({ integrationId: tokens.integrationId, n: count().as("n") })
    .from(tokens)
    .where(and(eq(tokens.tenantId, tenantId), isNull(tokens.revokedAt), or(isNull(tokens.expiresAt), gt(tokens.expiresAt, new Date()))))
    .groupBy(tokens.integrationId)
    .as("live");
  const rows = await db
    .select({
      id: integrations.id,
      provider: integrations.provider,
      name: integrations.name,
      status: integrations.status,
      createdAt: integrations.createdAt,
      lastRequestAt: integrations.lastRequestAt,
      liveTokens: live.n,
    })
    .from(integrations)
    .leftJoin(live, eq(live.integrationId, integrations.id))
    .where(eq(integrations.tenantId, tenantId))
    .orderBy(asc(integrations.createdAt), asc(integrations.name));
  return rows.map((row) => ({ ...row, liveTokens: Number(row.liveTokens ?? 0) }));
}
