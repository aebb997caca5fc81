import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { parseInput } from "@/lib/errors";
import { countAll, pagedQuery, type Paged } from "@/lib/paged-query";
import { auditCategories, auditLogFilters } from "./audit-actions";
import { describeAuditEntry } from "./describe-audit-entry";

export const auditLogQuery = z.object({
  category: z.enum(auditLogFilters).default("all"),
  limit: z.number().int().min(1).max(200),
  offset: z.number().int().min(0),
});
export type AuditLogQuery = z.input<typeof auditLogQuery>;

export type AuditLogRow = {
  id: string;
  createdAt: Date;
  /** Who: the console user's email as it was then, marked when they came as platform staff. */
  actorLabel: string;
  action: string;
  /** What, in words. */
  description: string;
  /** From where: the address the request came from and the browser that sent it. */
  sourceAddress: string | null;
  userAgent: string | null;
};

/**
 * One page of a tenant's audit log, newest first. The tenant is in the WHERE: another
 * tenant's entries, and entries of no tenant (a console user's own password change), never show.
 */
export async function listAuditLog(db: Db, tenantId: string, input: AuditLogQuery): Promise<Paged<AuditLogRow>> {
  const query = parseInput(auditLogQuery, input);
  const where = and(
    eq(auditLog.tenantId, tenantId),
    query.category === "all" ? undefined : inArray(auditLog.action, [...auditCategories[query.category]]),
  );
  const { rows: entries, total } = await pagedQuery(db.select({ total: countAll }).from(auditLog).where(where), query, (page) =>
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(page.limit).offset(page.offset),
  );
  const rows = entries.map((entry) => ({
    id: entry.id,
    createdAt: entry.createdAt,
    actorLabel: entry.actorLabel,
    action: entry.action,
    description: describeAuditEntry(entry),
    sourceAddress: entry.sourceAddress,
    userAgent: entry.userAgent,
  }));
  return { rows, total };
}
