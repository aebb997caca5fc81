import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, groupMembers, groups, type FieldChange } from "@/db/schema";
import { recordEvents, type Actor, type EventEntry } from "@/lib/history/record-event";
import { containsAny } from "./like-any";

/** How a role's History names a member who was permanently deleted. */
export const PURGED_MEMBER = "a permanently deleted person";

/**
 * Takes purged people out of every role. Each role's History says it lost a member without
 * naming them; the person's own side is not recorded (their History becomes a tombstone).
 */
export async function removePurgedMemberships(tx: Db, tenantId: string, personIds: string[], actor: Actor): Promise<void> {
  const removed = await tx
    .delete(groupMembers)
    .where(and(eq(groupMembers.tenantId, tenantId), inArray(groupMembers.personId, personIds)))
    .returning({ groupId: groupMembers.groupId, personId: groupMembers.personId });
  if (removed.length === 0) return;
  const live = await tx
    .update(groups)
    .set({ version: sql`${groups.version} + 1`, updatedAt: new Date() })
    .where(and(eq(groups.tenantId, tenantId), inArray(groups.id, [...new Set(removed.map((r) => r.groupId))]), isNull(groups.deletedAt)))
    .returning({ id: groups.id });
  const liveIds = new Set(live.map((g) => g.id));
  await recordEvents(
    tx,
    removed
      .filter((r) => liveIds.has(r.groupId))
      .map((r): EventEntry => ({
        tenantId,
        subjectType: "group",
        subjectId: r.groupId,
        action: "member_removed",
        changes: [{ path: "members", before: { value: r.personId, display: PURGED_MEMBER } }],
        actor,
      })),
  );
}

function scrubbed(value: unknown, personIds: Set<string>, terms: string[]): unknown {
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    return terms.some((term) => lower.includes(term.toLowerCase())) ? PURGED_MEMBER : value;
  }
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, personIds, terms));
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.value === "string" && personIds.has(record.value)) return { value: record.value, display: PURGED_MEMBER };
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, scrubbed(v, personIds, terms)]));
  }
  return value;
}

/**
 * Roles' History entries that name a purged person (added, removed, renamed while a member)
 * keep the event and lose the name.
 */
export async function scrubGroupHistory(tx: Db, tenantId: string, personIds: string[], terms: string[]): Promise<void> {
  const changesText = sql`${events.changes}::text`;
  const named = await tx
    .select({ id: events.id, changes: events.changes })
    .from(events)
    .where(and(eq(events.tenantId, tenantId), eq(events.subjectType, "group"), containsAny(changesText, [...personIds, ...terms])));
  const ids = new Set(personIds);
  for (const event of named) {
    const changes = scrubbed(event.changes, ids, terms) as FieldChange[];
    await tx.update(events).set({ changes }).where(eq(events.id, event.id));
  }
}
