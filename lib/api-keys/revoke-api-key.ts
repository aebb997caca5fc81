import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiKeys, type ApiKey } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";

export const revokeApiKeyInput = z.object({ apiKeyId: z.uuid({ error: "No such API key" }) });

/** Revokes one of the tenant's live API keys: its next request is refused (401). */
export async function revokeApiKey(db: Db, tenantId: string, raw: z.input<typeof revokeApiKeyInput>, actor: AuditActor): Promise<ApiKey> {
  const { apiKeyId } = parseInput(revokeApiKeyInput, raw);
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.tenantId, tenantId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!revoked) throw new AppError("not_found", "No live API key matches");
    await recordAudit(tx, { tenantId, actor, action: "api_key.revoked", detail: { apiKeyId, hint: revoked.hint } });
    return revoked;
  });
}
