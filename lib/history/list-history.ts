import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, type FieldChange } from "@/db/schema";
import { countAll, pagedQuery, type Paged, type PageWindow } from "@/lib/paged-query";

export type HistoryEntry = {
  id: number;
  action: string;
  changes: FieldChange[];
  actorType: "integration" | "console_user" | "system";
  actorLabel: string;
  requestId: string | null;
  reason: string | null;
  createdAt: Date;
};

/**
 * One page of a person's or group's History, newest first. The tenant is in the WHERE: a
 * subject id of another tenant has no History here.
 */
export async function listHistory(
  db: Db,
  tenantId: string,
  subject: { type: "person" | "group"; id: string },
  page: PageWindow,
): Promise<Paged<HistoryEntry>> {
  const where = and(eq(events.tenantId, tenantId), eq(events.subjectType, subject.type), eq(events.subjectId, subject.id));
  return pagedQuery(db.select({ total: countAll }).from(events).where(where), page, ({ limit, offset }) =>
    db
      .select({
        id: events.id,
        action: events.action,
        changes: events.changes,
        actorType: events.actorType,
        actorLabel: events.actorLabel,
        requestId: events.requestId,
        reason: events.reason,
        createdAt: events.createdAt,
      })
      .from(events)
      .where(where)
      .orderBy(desc(events.id))
      .limit(limit)
      .offset(offset),
  );
}
