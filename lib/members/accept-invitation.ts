import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { invitations, memberships, tenants } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { claimInvitation, isOpen } from "./internal/claim-invitation";
import { hashInvitationToken, INVALID_INVITATION, invitationToken } from "./internal/invitation-token";

export const acceptInvitationInput = z.object({ token: z.string() });

/**
 * A signed-in console user accepts an invitation to their own address: they gain its role in
 * its tenant, and the link is used up. Someone signed in under another address is refused.
 * Already a member: the role they have stays, and the link is used up all the same.
 */
export async function acceptInvitation(
  db: Db,
  raw: z.input<typeof acceptInvitationInput>,
  user: { id: string; email: string },
): Promise<{ tenantId: string; tenantSlug: string }> {
  const { token } = parseInput(acceptInvitationInput, raw);
  if (!invitationToken.safeParse(token).success) throw new AppError("not_found", INVALID_INVITATION);
  return db.transaction(async (tx) => {
    const claimed = await claimInvitation(tx, token, { email: user.email, userId: user.id });
    if (!claimed) {
      const [other] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.tokenHash, hashInvitationToken(token)), isOpen()));
      if (other) throw new AppError("forbidden", `This invitation is for another address than ${user.email}.`);
      throw new AppError("not_found", INVALID_INVITATION);
    }
    await tx
      .insert(memberships)
      .values({ tenantId: claimed.tenantId, userId: user.id, role: claimed.role })
      .onConflictDoNothing();
    await recordAudit(tx, {
      tenantId: claimed.tenantId,
      actor: { userId: user.id, label: user.email },
      action: "invitation.accepted",
      detail: { invitationId: claimed.id, email: claimed.email, role: claimed.role, newAccount: false },
    });
    const [tenant] = await tx.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, claimed.tenantId));
    return { tenantId: claimed.tenantId, tenantSlug: tenant.slug };
  });
}
