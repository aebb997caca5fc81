import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";

export const revokeInvitationInput = z.object({ invitationId: z.uuid() });

/** Revokes a pending invitation of the tenant: its link stops working at once. */
export async function revokeInvitation(
  db: Db,
  tenantId: string,
  raw: z.input<typeof revokeInvitationInput>,
  actor: AuditActor,
): Promise<{ email: string }> {
  const { invitationId } = parseInput(revokeInvitationInput, raw);
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
