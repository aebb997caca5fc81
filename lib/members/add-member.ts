import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consoleUsers, memberships } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { email, memberRole } from "./member-input";

export const addMemberInput = z.object({ email, role: memberRole, name: z.string().optional() });

/**
 * Operators only (the admin CLI's member:add): gives an existing console user a role in a
 * tenant. The console never calls this; there, people join by accepting an invitation.
 */
export async function addMember(
  db: Db,
  tenantId: string,
  raw: z.input<typeof addMemberInput>,
  actor: AuditActor,
): Promise<{ userId: string }> {
  const { email: address, role } = parseInput(addMemberInput, raw);
  const [existing] = await db
    .select({ id: consoleUsers.id })
    .from(consoleUsers)
    .where(eq(sql`lower(${consoleUsers.email})`, address));
  if (!existing) throw new AppError("not_found", `No console user has the email ${address}; create one with user:create`, "email");
  try {
    await db.transaction(async (tx) => {
      await tx.insert(memberships).values({ tenantId, userId: existing.id, role });
      await recordAudit(tx, { tenantId, actor, action: "member.added", detail: { email: address, role } });
    });
    return { userId: existing.id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `${address} is already a member of this tenant`, "email");
    }
    throw error;
  }
}
