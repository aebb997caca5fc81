import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { recordAudit, type AuditActor } from "./record-audit";

/** A staff member's repeated views of one page within this window make one entry. */
export const STAFF_VIEW_WINDOW_MS = 5 * 60_000;

/**
 * Audits a page platform staff opened in a tenant they reach only through staff access:
 * once per staff member, tenant and page within five minutes. A page's layout and body both
 * ask, and reloads tell a tenant admin nothing new, yet every page opened shows. The check
 * and the insert run under an advisory lock on that key, so concurrent renders, on one app
 * instance or several, write one entry.
 */
export async function recordStaffPageView(
  db: Db,
  view: { tenantId: string; actor: AuditActor & { userId: string }; path: string },
  windowMs = STAFF_VIEW_WINDOW_MS,
): Promise<void> {
  const path = view.path.slice(0, 512);
  const key = `staff.page_viewed:${view.actor.userId}:${view.tenantId}:${path}`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const [recent] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, view.tenantId),
          eq(auditLog.actorUserId, view.actor.userId),
          eq(auditLog.action, "staff.page_viewed"),
          sql`${auditLog.detail}->>'path' = ${path}`,
          gt(auditLog.createdAt, sql`now() - make_interval(secs => ${windowMs / 1000})`),
        ),
      )
      .limit(1);
    if (!recent) await recordAudit(tx, { tenantId: view.tenantId, actor: view.actor, action: "staff.page_viewed", detail: { path } });
  });
}
