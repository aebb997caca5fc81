import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations, type Invitation } from "@/db/schema";
import { hashInvitationToken } from "./invitation-token";

/** Open: neither accepted nor revoked, and not expired. */
export function isOpen(): SQL {
  return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`))!;
}

/**
 * Marks the invitation accepted, if it is still open (and, with `email`, if it is for that
 * address). One statement: when two requests race, Postgres re-checks the WHERE on the row
 * the first one committed, so the second gets nothing back. Inside the accept's transaction.
 */
export async function claimInvitation(tx: Db, token: string, claim: { email?: string; userId?: string }): Promise<Invitation | undefined> {
  const [claimed] = await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedByUserId: claim.userId ?? null })
    .where(
      and(
        eq(invitations.tokenHash, hashInvitationToken(token)),
        isOpen(),
        claim.email ? eq(invitations.email, claim.email.toLowerCase()) : undefined,
      ),
    )
    .returning();
  return claimed;
}
