import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consoleUsers } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endOtherSessions } from "@/lib/auth/sessions/end-sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { newPassword } from "./member-input";

/** Field names say "password", so a refused form never echoes them back (see `validatedAction`). */
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(256, "That password is too long"),
  newPassword,
});

/**
 * A console user changes their own password, proving the current one first. Every other
 * session of theirs ends with it: whoever may have learnt the old password is signed out.
 */
export async function changePassword(
  db: Db,
  user: { id: string; email: string },
  input: z.input<typeof changePasswordInput>,
  keepSessionId: string,
): Promise<{ endedSessions: number }> {
  const { currentPassword, newPassword: next } = parseInput(changePasswordInput, input);
  const [row] = await db.select({ hash: consoleUsers.passwordHash }).from(consoleUsers).where(eq(consoleUsers.id, user.id));
  if (!row || !(await verifyPassword(row.hash, currentPassword))) {
    throw new AppError("bad_input", "That is not your current password", "currentPassword");
  }
  if (next === currentPassword) throw new AppError("bad_input", "Choose a password you have not used here", "newPassword");
  const passwordHash = await hashPassword(next);
  return db.transaction(async (tx) => {
    await tx.update(consoleUsers).set({ passwordHash }).where(eq(consoleUsers.id, user.id));
    const endedSessions = await endOtherSessions(tx, user.id, keepSessionId);
    await recordAudit(tx, {
      tenantId: null,
      actor: { userId: user.id, label: user.email },
      action: "password.changed",
      detail: { endedSessions },
    });
    return { endedSessions };
  });
}
