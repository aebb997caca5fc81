import { and, asc, count, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people, tokens, type Integration } from "@/db/schema";

export type IntegrationRow = Pick<Integration, "id" | "provider" | "name" | "status" | "createdAt" | "lastRequestAt"> & {
  /** Tokens neither revoked nor expired: what the identity provider can authenticate with. */
  liveTokens: number;
  /** People it manages now, deleted and purged ones left out. */
  people: number;
};

/** A tenant's installed integrations, oldest first, with how many live tokens and people each has. */
export async function listIntegrations(db: Db, tenantId: string): Promise<IntegrationRow[]> {
  const live = db
    .select({ integrationId: tokens.integrationId, n: count().as("n") })
    .from(tokens)
    .where(and(eq(tokens.tenantId, tenantId), isNull(tokens.revokedAt), or(isNull(tokens.expiresAt), gt(tokens.expiresAt, new Date()))))
    .groupBy(tokens.integrationId)
    .as("live");
  const managed = db
    .select({ integrationId: people.integrationId, n: count().as("people") })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), isNull(people.deletedAt), isNull(people.purgedAt)))
    .groupBy(people.integrationId)
    .as("managed");
  const rows = await db
    .select({
      id: integrations.id,
      provider: integrations.provider,
      name: integrations.name,
      status: integrations.status,
      createdAt: integrations.createdAt,
      lastRequestAt: integrations.lastRequestAt,
      liveTokens: live.n,
      people: managed.n,
    })
    .from(integrations)
    .leftJoin(live, eq(live.integrationId, integrations.id))
    .leftJoin(managed, eq(managed.integrationId, integrations.id))
    .where(eq(integrations.tenantId, tenantId))
    .orderBy(asc(integrations.createdAt), asc(integrations.name));
  return rows.map((row) => ({ ...row, liveTokens: Number(row.liveTokens ?? 0), people: Number(row.people ?? 0) }));
}
