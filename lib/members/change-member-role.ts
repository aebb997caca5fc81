import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, memberships, type MemberRole } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { lockTenantAdmins, requireAnotherAdmin } from "./internal/keep-an-admin";
import { memberRole } from "./member-input";

/** Changes a member's role; a tenant always keeps at least one admin. */
export async function changeMemberRole(
  db: Db,
  tenantId: string,
  userId: string,
  role: MemberRole,
  actor: AuditActor,
): Promise<void> {
  if (!memberRole.safeParse(role).success) throw new AppError("bad_input", "Choose admin, support or viewer", "role");
  await db.transaction(async (tx) => {
    await lockTenantAdmins(tx, tenantId);
    const [member] = await tx
      .select({ role: memberships.role, email: consoleUsers.email })
      .from(memberships)
      .innerJoin(consoleUsers, eq(consoleUsers.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    if (!member) throw new AppError("not_found", "That person is not a member of this tenant");
    if (member.role === role) return;
    if (member.role === "admin") await requireAnotherAdmin(tx, tenantId, userId, "role");
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "member.role_changed",
      detail: { email: member.email, from: member.role, to: role },
    });
  });
}
