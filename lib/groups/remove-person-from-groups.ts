import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { recordEvents, type Actor, type EventEntry } from "@/lib/history/record-event";

/**
 * Takes a person out of every group, with History on both sides: the person left each
 * role, each role lost a member (named as group responses name members: displayName, else
 * userName). Each affected group's version is bumped once. Used when a person is deleted
 * (soft or hard) or purged.
 */
export async function removePersonFromGroups(
  tx: Db,
  person: { id: string; tenantId: string; userName: string; displayName?: string | null },
  actor: Actor,
): Promise<number> {
  const removed = await tx
    .delete(groupMembers)
    .where(and(eq(groupMembers.personId, person.id), eq(groupMembers.tenantId, person.tenantId)))
    .returning({ groupId: groupMembers.groupId });
  if (removed.length === 0) return 0;
  const groupIds = removed.map((r) => r.groupId);
  const affected = await tx
    .update(groups)
    .set({ version: sql`${groups.version} + 1`, updatedAt: new Date() })
    .where(and(eq(groups.tenantId, person.tenantId), inArray(groups.id, groupIds), isNull(groups.deletedAt)))
    .returning({ id: groups.id, displayName: groups.displayName });
  await recordEvents(tx, [
    ...affected.map((g): EventEntry => ({
      tenantId: person.tenantId,
      subjectType: "person",
      subjectId: person.id,
      action: "left_role",
      changes: [{ path: "groups", before: { value: g.id, display: g.displayName } }],
      actor,
    })),
    ...affected.map((g): EventEntry => ({
      tenantId: person.tenantId,
      subjectType: "group",
      subjectId: g.id,
      action: "member_removed",
      changes: [{ path: "members", before: { value: person.id, display: person.displayName ?? person.userName } }],
      actor,
    })),
  ]);
  return affected.length;
}
