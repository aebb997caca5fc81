import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consoleUsers, invitations, memberships, type ConsoleUser } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { findInvitation } from "./find-invitation";
import { claimInvitation } from "./internal/claim-invitation";
import { INVALID_INVITATION, invitationToken } from "./internal/invitation-token";
import { newPassword, personName } from "./member-input";

export const newAccountInput = z
  .object({ token: invitationToken, name: personName, password: newPassword, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { message: "The two passwords differ", path: ["confirm"] });

/**
 * Someone without a console account accepts an invitation: the account (their own name and
 * password, for the invited address), the membership and the used-up link commit together.
 * An address that already has an account is refused: only its owner, signed in, accepts.
 */
export async function acceptInvitationWithNewAccount(db: Db, raw: z.input<typeof newAccountInput>): Promise<ConsoleUser> {
  // A link that cannot be valid gets the one answer every unusable link gets.
  if (!invitationToken.safeParse(raw.token).success) throw new AppError("not_found", INVALID_INVITATION);
  const { token, name, password } = parseInput(newAccountInput, raw);
  // Hashing costs ~100 ms of memory-hard work: not for links that cannot be accepted anyway.
  if (!(await findInvitation(db, token))) throw new AppError("not_found", INVALID_INVITATION);
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const claimed = await claimInvitation(tx, token, {});
      if (!claimed) throw new AppError("not_found", INVALID_INVITATION);
      const [user] = await tx.insert(consoleUsers).values({ email: claimed.email, name, passwordHash }).returning();
      await tx.update(invitations).set({ acceptedByUserId: user.id }).where(eq(invitations.id, claimed.id));
      await tx.insert(memberships).values({ tenantId: claimed.tenantId, userId: user.id, role: claimed.role });
      await recordAudit(tx, {
        tenantId: claimed.tenantId,
        actor: { userId: user.id, label: user.email },
        action: "invitation.accepted",
        detail: { invitationId: claimed.id, email: claimed.email, role: claimed.role, newAccount: true },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, "console_users_email_key")) {
      throw new AppError("conflict", "This address already has an account: sign in with it, then open this link again to accept.");
    }
    throw error;
  }
}
