import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, memberships, type MemberRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { lockTenantAdmins } from "./keep-an-admin";

/**
 * The member a role change or removal is about, read after taking the tenant's admin lock
 * (see keep-an-admin.ts). Someone who is no member of this tenant, or of another, is not found.
 */
export async function lockMember(tx: Db, tenantId: string, userId: string): Promise<{ role: MemberRole; email: string }> {
  await lockTenantAdmins(tx, tenantId);
  const [member] = await tx
    .select({ role: memberships.role, email: consoleUsers.email })
    .from(memberships)
    .innerJoin(consoleUsers, eq(consoleUsers.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  if (!member) throw new AppError("not_found", "That person is not a member of this tenant");
  return member;
}

/** The WHERE of one tenant's membership of one user. */
export function membershipOf(tenantId: string, userId: string) {
  return and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId));
}
