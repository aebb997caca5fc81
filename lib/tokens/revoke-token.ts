import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tokens, type Token } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

/**
 * Revokes one token, named by id or by its hint. A hint shared by two live tokens is
 * refused rather than guessed. With a tenantId, another tenant's token is simply not found.
 */
export async function revokeToken(
  db: Db,
  which: { id?: string; hint?: string; tenantId?: string },
  actor: AuditActor,
): Promise<Token> {
  const conditions: SQL[] = [isNull(tokens.revokedAt)];
  if (which.id) conditions.push(eq(tokens.id, which.id));
  else if (which.hint) conditions.push(eq(tokens.hint, which.hint));
  else throw new AppError("bad_input", "Name the token by id or by hint");
  if (which.tenantId) conditions.push(eq(tokens.tenantId, which.tenantId));
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
