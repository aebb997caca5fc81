import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { mintToken, type MintedToken } from "./mint-token";

const input = z.object({
  tenantId: z.uuid(),
  integrationId: z.uuid({ error: "Choose an integration" }),
  description: z.string().trim().min(1, "Describe what the token is for").max(120, "Use at most 120 characters"),
  // Promapp's Create Token offers one scope, SCIM (seed 002).
  scope: z.literal("SCIM", { error: "The only scope is SCIM" }).default("SCIM"),
  expiresAt: z.date().nullable().default(null),
});

/**
 * Mints a token for one of the tenant's integrations from the console (its settings page or
 * My Profile > Access Tokens) and audits it. The secret is returned once and never stored.
 * Another tenant's integration is not found.
 */
export async function createToken(
  db: Db,
  raw: { tenantId: string; integrationId: string; description: string; scope?: string; expiresAt?: Date | null },
  actor: AuditActor,
  now = new Date(),
): Promise<MintedToken> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_input", issue.message, String(issue.path[0]));
  }
  const { tenantId, integrationId, description, expiresAt } = parsed.data;
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
