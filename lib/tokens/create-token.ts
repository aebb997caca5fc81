import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { expiryDate } from "@/lib/form-fields";
import { mintToken, type MintedToken } from "./mint-token";

export const createTokenInput = z.object({
  integrationId: z.uuid({ error: "Choose an integration" }),
  description: z.string().trim().min(1, "Describe what the token is for").max(120, "Use at most 120 characters"),
  // Promapp's Create Token offers one scope, SCIM (seed 002).
  scope: z.literal("SCIM", { error: "The only scope is SCIM" }).default("SCIM"),
  expiresAt: expiryDate,
});

/**
 * Mints a token for one of the tenant's integrations from the console (its settings page or
 * My Profile > Access Tokens) and audits it. The secret is returned once and never stored.
 * Another tenant's integration is not found.
 */
export async function createToken(
  db: Db,
  tenantId: string,
  raw: { integrationId: string; description: string; scope?: string; expiresAt?: Date | string | null },
  actor: AuditActor,
  now = new Date(),
): Promise<MintedToken> {
  const { integrationId, description, expiresAt } = parseInput(createTokenInput, raw);
  if (expiresAt && expiresAt <= now) throw new AppError("bad_input", "Choose a date in the future", "expiresAt");
  return db.transaction(async (tx) => {
    const [integration] = await tx
      .select({ id: integrations.id, name: integrations.name })
      .from(integrations)
      .where(and(eq(integrations.id, integrationId), eq(integrations.tenantId, tenantId)));
    if (!integration) throw new AppError("not_found", "No such integration", "integrationId");
    const minted = await mintToken(tx, { tenantId, integrationId, description, expiresAt, createdByUserId: actor.userId });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "token.created",
      detail: { tokenId: minted.token.id, hint: minted.token.hint, integrationId, name: integration.name, expiresAt },
    });
    return minted;
  });
}
