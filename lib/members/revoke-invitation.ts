import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

/** Revokes a pending invitation of the tenant: its link stops working at once. */
export async function revokeInvitation(db: Db, tenantId: string, invitationId: string, actor: AuditActor): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.tenantId, tenantId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ email: invitations.email, role: invitations.role });
    if (!revoked) throw new AppError("not_found", "That invitation is no longer pending");
    await recordAudit(tx, { tenantId, actor, action: "invitation.revoked", detail: { invitationId, ...revoked } });
    return { email: revoked.email };
  });
}
