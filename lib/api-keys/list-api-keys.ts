import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, type ApiKey } from "@/db/schema";

/** An API key as Settings lists it: never its hash, only the hint. */
export type ApiKeyRow = Pick<ApiKey, "id" | "description" | "hint" | "createdAt" | "lastUsedAt" | "revokedAt">;

/** The tenant's API keys, newest first, revoked ones included (marked). */
export function listApiKeys(db: Db, tenantId: string): Promise<ApiKeyRow[]> {
  return db
    .select({
      id: apiKeys.id,
      description: apiKeys.description,
      hint: apiKeys.hint,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}
