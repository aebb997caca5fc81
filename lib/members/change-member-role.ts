import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/errors";
import { requireAnotherAdmin } from "./internal/keep-an-admin";
import { lockMember, membershipOf } from "./internal/lock-member";
import { memberRole } from "./member-input";

export const changeMemberRoleInput = z.object({ userId: z.uuid(), role: memberRole });

/** Changes a member's role; a tenant always keeps at least one admin. */
export async function changeMemberRole(
  db: Db,
  tenantId: string,
  raw: z.input<typeof changeMemberRoleInput>,
  actor: AuditActor,
): Promise<void> {
  const { userId, role } = parseInput(changeMemberRoleInput, raw);
  await db.transaction(async (tx) => {
    const member = await lockMember(tx, tenantId, userId);
    if (member.role === role) return;
    if (member.role === "admin") await requireAnotherAdmin(tx, tenantId, userId, "role");
    await tx.update(memberships).set({ role }).where(membershipOf(tenantId, userId));
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "member.role_changed",
      detail: { email: member.email, from: member.role, to: role },
    });
  });
}
