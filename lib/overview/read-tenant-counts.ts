import { and, count, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, groups, people } from "@/db/schema";

export type TenantCounts = { active: number; inactive: number; deleted: number; roles: number; changesToday: number };

/**
 * The Overview's headline numbers: people by status (deleted = retained after a soft delete,
 * purged ones left out), roles not deleted, and History events since midnight UTC.
 */
export async function readTenantCounts(db: Db, tenantId: string, now: Date): Promise<TenantCounts> {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [[byStatus], [roles], [changes]] = await Promise.all([
    db
      .select({
        active: sql<number>`count(*) filter (where ${people.deletedAt} is null and ${people.active})`.mapWith(Number),
        inactive: sql<number>`count(*) filter (where ${people.deletedAt} is null and not ${people.active})`.mapWith(Number),
        deleted: sql<number>`count(*) filter (where ${people.deletedAt} is not null)`.mapWith(Number),
      })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), isNull(people.purgedAt))),
    db.select({ n: count() }).from(groups).where(and(eq(groups.tenantId, tenantId), isNull(groups.deletedAt))),
    db.select({ n: count() }).from(events).where(and(eq(events.tenantId, tenantId), gte(events.createdAt, midnight))),
  ]);
  return { ...byStatus, roles: roles.n, changesToday: changes.n };
}
