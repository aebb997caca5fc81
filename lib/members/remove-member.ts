import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, memberships } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { lockTenantAdmins, requireAnotherAdmin } from "./internal/keep-an-admin";

/**
 * Takes a member's access to one tenant away (their account and other tenants stay). The
 * last admin cannot be removed. Access ends at their next request: every page re-reads it.
 */
export async function removeMember(db: Db, tenantId: string, userId: string, actor: AuditActor): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    await lockTenantAdmins(tx, tenantId);
    const [member] = await tx
      .select({ role: memberships.role, email: consoleUsers.email })
      .from(memberships)
      .innerJoin(consoleUsers, eq(consoleUsers.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    if (!member) throw new AppError("not_found", "That person is not a member of this tenant");
    if (member.role === "admin") await requireAnotherAdmin(tx, tenantId, userId);
    await tx.delete(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    await recordAudit(tx, { tenantId, actor, action: "member.removed", detail: { email: member.email, role: member.role } });
    return { email: member.email };
  });
}
