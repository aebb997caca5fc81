import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

export type AuditActor = { userId: string | null; label: string };

/** Records what a console user, platform staff or the admin CLI did. */
export async function recordAudit(
  db: Db,
  entry: { tenantId: string | null; actor: AuditActor; action: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: entry.tenantId,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    detail: entry.detail ?? {},
  });
}

export const cliActor: AuditActor = { userId: null, label: "admin CLI" };
