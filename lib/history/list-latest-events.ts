import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, groups, people } from "@/db/schema";
import { describeEvent } from "./describe-event";

export type LatestEvent = {
  id: number;
  subjectType: "person" | "group";
  subjectId: string;
  /** The event as a sentence about its subject. */
  sentence: string;
  actorLabel: string;
  createdAt: Date;
};

/**
 * The tenant's latest History events across people and roles, newest first, each named by its
 * subject as it is now (a purged person by no name: their personal data is gone).
 */
export async function listLatestEvents(db: Db, tenantId: string, limit = 10): Promise<LatestEvent[]> {
  const rows = await db
    .select({
      id: events.id,
      subjectType: events.subjectType,
      subjectId: events.subjectId,
      action: events.action,
      changes: events.changes,
      actorLabel: events.actorLabel,
      createdAt: events.createdAt,
      personName: sql<string | null>`case when ${people.purgedAt} is null then coalesce(${people.displayName}, ${people.userName}) end`,
      groupName: groups.displayName,
    })
    .from(events)
    .leftJoin(people, and(eq(events.subjectType, "person"), eq(people.id, events.subjectId), eq(people.tenantId, tenantId)))
    .leftJoin(groups, and(eq(events.subjectType, "group"), eq(groups.id, events.subjectId), eq(groups.tenantId, tenantId)))
    .where(eq(events.tenantId, tenantId))
    .orderBy(desc(events.id))
    .limit(limit);
  return rows.map((row) => {
    const name = row.subjectType === "person" ? (row.personName ?? "A permanently deleted person") : (row.groupName ?? "A deleted role");
    return {
      id: row.id,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      sentence: describeEvent(row.subjectType, row.action, row.changes, name),
      actorLabel: row.actorLabel,
      createdAt: row.createdAt,
    };
  });
}
