import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/errors";
import { requireAnotherAdmin } from "./internal/keep-an-admin";
import { lockMember, membershipOf } from "./internal/lock-member";

export const removeMemberInput = z.object({ userId: z.uuid() });

/**
 * Takes a member's access to one tenant away (their account and other tenants stay). The
 * last admin cannot be removed. Access ends at their next request: every page re-reads it.
 */
export async function removeMember(
  db: Db,
  tenantId: string,
  raw: z.input<typeof removeMemberInput>,
  actor: AuditActor,
): Promise<{ email: string }> {
  const { userId } = parseInput(removeMemberInput, raw);
  return db.transaction(async (tx) => {
    const member = await lockMember(tx, tenantId, userId);
    if (member.role === "admin") await requireAnotherAdmin(tx, tenantId, userId);
    await tx.delete(memberships).where(membershipOf(tenantId, userId));
    await recordAudit(tx, { tenantId, actor, action: "member.removed", detail: { email: member.email, role: member.role } });
    return { email: member.email };
  });
}
