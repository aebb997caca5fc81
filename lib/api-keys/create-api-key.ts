import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiKeys, type ApiKey } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/errors";
import { hashSecret, secretHint } from "@/lib/tokens/mint-token";

/** Tells an API key from a SCIM token at a glance (and to secret scanners). */
export const API_KEY_PREFIX = "sck_";

export const createApiKeyInput = z.object({
  description: z.string().trim().min(1, "Describe what the key is for").max(120, "Use at most 120 characters"),
});

export type CreatedApiKey = { apiKey: ApiKey; key: string };

/**
 * Mints a key to the tenant's /api/v1 (32 random bytes) and audits it. As for SCIM tokens,
 * only its SHA-256 and a hint are stored: the key is returned once, here.
 */
export async function createApiKey(db: Db, tenantId: string, raw: z.input<typeof createApiKeyInput>, actor: AuditActor): Promise<CreatedApiKey> {
  const { description } = parseInput(createApiKeyInput, raw);
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [apiKey] = await tx
      .insert(apiKeys)
      .values({ tenantId, description, secretHash: hashSecret(key), hint: secretHint(key), createdByUserId: actor.userId })
      .returning();
    await recordAudit(tx, { tenantId, actor, action: "api_key.created", detail: { apiKeyId: apiKey.id, hint: apiKey.hint, description } });
    return { apiKey, key };
  });
}
