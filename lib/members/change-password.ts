import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { newPassword } from "./member-input";

/** A console user changes their own password, proving the current one first. */
export async function changePassword(
  db: Db,
  user: { id: string; email: string },
  input: { current: string; next: string },
): Promise<void> {
  const [row] = await db.select({ hash: consoleUsers.passwordHash }).from(consoleUsers).where(eq(consoleUsers.id, user.id));
  if (!row || !(await verifyPassword(row.hash, input.current))) {
    throw new AppError("bad_input", "That is not your current password", "current");
  }
  const parsed = newPassword.safeParse(input.next);
  if (!parsed.success) throw new AppError("bad_input", parsed.error.issues[0].message, "next");
  if (input.next === input.current) throw new AppError("bad_input", "Choose a password you have not used here", "next");
  await db.update(consoleUsers).set({ passwordHash: await hashPassword(parsed.data) }).where(eq(consoleUsers.id, user.id));
  await recordAudit(db, { tenantId: null, actor: { userId: user.id, label: user.email }, action: "password.changed" });
}
