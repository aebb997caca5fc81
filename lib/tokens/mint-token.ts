import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { tokens, type Token } from "@/db/schema";

export const TOKEN_PREFIX = "scim_";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The last characters of a secret: enough to recognise it in a list, useless to an attacker. */
export function secretHint(secret: string): string {
  return secret.slice(-6);
}

export type MintedToken = { token: Token; secret: string };

/**
 * Mints a provisioning secret (32 random bytes). Only its SHA-256 is stored: the secret is
 * high-entropy, so a fast hash is safe and lets a request find its token by index.
 */
export async function mintToken(
  db: Db,
  input: {
    tenantId: string;
    integrationId: string;
    description?: string;
    expiresAt?: Date | null;
    createdByUserId?: string | null;
  },
): Promise<MintedToken> {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [token] = await db
    .insert(tokens)
    .values({
      tenantId: input.tenantId,
      integrationId: input.integrationId,
      description: input.description?.trim() ?? "",
      secretHash: hashSecret(secret),
      hint: secretHint(secret),
      expiresAt: input.expiresAt ?? null,
      createdByUserId: input.createdByUserId ?? null,
    })
    .returning();
  return { token, secret };
}
