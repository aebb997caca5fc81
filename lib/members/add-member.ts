import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consoleUsers, memberships } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { email, firstIssue, memberRole, newPassword, personName } from "./member-input";

const input = z.object({
  email,
  name: personName,
  role: memberRole,
  password: z.union([z.literal(""), newPassword]).optional(),
});

/**
 * Gives someone a role in a tenant. A console user who already exists (member of another
 * tenant) keeps their password; a new one needs an initial password to sign in with.
 */
export async function addMember(
  db: Db,
  tenantId: string,
  raw: z.input<typeof input>,
  actor: AuditActor,
): Promise<{ userId: string; created: boolean }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new AppError("bad_input", message, field);
  }
  const { email: address, name, role, password } = parsed.data;
  const [existing] = await db
    .select({ id: consoleUsers.id })
    .from(consoleUsers)
    .where(eq(sql`lower(${consoleUsers.email})`, address));
  if (!existing && !password) {
    throw new AppError("bad_input", "Set an initial password for a new console user", "password");
  }
  const passwordHash = existing ? undefined : await hashPassword(password!);
  try {
    return await db.transaction(async (tx) => {
      const userId =
        existing?.id ??
        (await tx.insert(consoleUsers).values({ email: address, name, passwordHash: passwordHash! }).returning())[0].id;
      await tx.insert(memberships).values({ tenantId, userId, role });
      await recordAudit(tx, { tenantId, actor, action: "member.added", detail: { email: address, role } });
      return { userId, created: !existing };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `${address} is already a member of this tenant`, "email");
    }
    throw error;
  }
}
