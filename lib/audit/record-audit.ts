import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { AuditAction } from "./audit-actions";

/** Who did it, and from where when it came through the console. */
export type AuditActor = {
  userId: string | null;
  label: string;
  sourceAddress?: string | null;
  userAgent?: string | null;
};

/** Records what a console user, platform staff or the admin CLI did, and from where. */
export async function recordAudit(
  db: Db,
  entry: { tenantId: string | null; actor: AuditActor; action: AuditAction; detail?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: entry.tenantId,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    detail: entry.detail ?? {},
    sourceAddress: entry.actor.sourceAddress ?? null,
    userAgent: entry.actor.userAgent ?? null,
  });
}

export const cliActor: AuditActor = { userId: null, label: "admin CLI" };
