import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { hashSecret } from "@/lib/tokens/mint-token";

/** Requests a key may make per second, in bursts of up to API_KEY_BURST. */
export const API_KEY_RATE_PER_SECOND = 10;
export const API_KEY_BURST = 20;

export type ApiKeyCheck =
  | { ok: true; apiKeyId: string; tenantId: string }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Finds the live key a Bearer secret belongs to and takes one request from its allowance,
 * in one statement. The allowance is a token bucket kept in the key's row (refilled by the
 * time since its last use), so every app instance draws from the same one and a restart
 * resets nothing. Marks the key used. A throttled request takes nothing.
 */
export async function authenticateApiKey(db: Db, secret: string, now = new Date()): Promise<ApiKeyCheck> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const seconds = sql`greatest(0, extract(epoch from ${at} - coalesce(${apiKeys.bucketRefilledAt}, ${at})))`;
  const available = sql<number>`least(${API_KEY_BURST}::float8, coalesce(${apiKeys.bucketTokens}, ${API_KEY_BURST}::float8) + ${seconds} * ${API_KEY_RATE_PER_SECOND})`;
  const live = and(eq(apiKeys.secretHash, hashSecret(secret)), isNull(apiKeys.revokedAt));
  const [taken] = await db
    .update(apiKeys)
    .set({ bucketTokens: sql`${available} - 1`, bucketRefilledAt: now, lastUsedAt: now })
    .where(and(live, sql`${available} >= 1`))
    .returning({ id: apiKeys.id, tenantId: apiKeys.tenantId });
  if (taken) return { ok: true, apiKeyId: taken.id, tenantId: taken.tenantId };
  const [throttled] = await db.select({ available }).from(apiKeys).where(live);
  if (!throttled) return { ok: false, reason: "unknown" };
  return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(1, Math.ceil((1 - Number(throttled.available)) / API_KEY_RATE_PER_SECOND)) };
}
