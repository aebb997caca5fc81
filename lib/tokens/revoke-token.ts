import { and, eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { tokens, type Token } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";

export const revokeTokenInput = z
  .object({ tokenId: z.uuid({ error: "No such token" }).optional(), hint: z.string().trim().min(1).optional() })
  .refine((which) => which.tokenId || which.hint, { error: "Name the token by id or by hint" });

/**
 * Revokes one token, named by id or by its hint. A hint shared by two live tokens is
 * refused rather than guessed. With a tenantId, another tenant's token is simply not found;
 * operators (the CLI) pass null.
 */
export async function revokeToken(
  db: Db,
  tenantId: string | null,
  raw: z.input<typeof revokeTokenInput>,
  actor: AuditActor,
): Promise<Token> {
  const which = parseInput(revokeTokenInput, raw);
  const conditions: SQL[] = [isNull(tokens.revokedAt)];
  if (which.tokenId) conditions.push(eq(tokens.id, which.tokenId));
  else if (which.hint) conditions.push(eq(tokens.hint, which.hint));
  if (tenantId) conditions.push(eq(tokens.tenantId, tenantId));
  return db.transaction(async (tx) => {
    const found = await tx.select().from(tokens).where(and(...conditions)).limit(2);
    if (found.length === 0) throw new AppError("not_found", "No live token matches");
    if (found.length > 1) throw new AppError("conflict", "Two live tokens share that hint; revoke by id");
    const [revoked] = await tx.update(tokens).set({ revokedAt: new Date() }).where(eq(tokens.id, found[0].id)).returning();
    await recordAudit(tx, {
      tenantId: revoked.tenantId,
      actor,
      action: "token.revoked",
      detail: { tokenId: revoked.id, hint: revoked.hint, integrationId: revoked.integrationId },
    });
    return revoked;
  });
}
