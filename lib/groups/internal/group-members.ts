import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, people } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";
import { inIdList, notInIdList } from "@/lib/sql/in-id-list";

/** The group whose membership changes: rows are written in its tenant and integration only. */
export type MembershipTarget = { id: string; tenantId: string; integrationId: string | null };

/**
 * Set-based membership writes: each is ONE statement whatever the number of members, and
 * returns the ids of the people whose membership actually changed, so adding an existing
 * member or removing an absent one is a no-op that the caller records nothing for.
 */

/** Adds live people of the group's tenant and integration; existing members are left alone. */
export async function addMembers(tx: Db, group: MembershipTarget, ids: readonly string[]): Promise<string[]> {
  const candidates = ids.filter(isUuid);
  if (candidates.length === 0 || group.integrationId === null) return [];
  const integrationId = group.integrationId;
  const rows = await tx
    .insert(groupMembers)
    .select((qb) =>
      qb
        .select({
          groupId: sql<string>`${group.id}::uuid`.as("group_id"),
          personId: people.id,
          tenantId: people.tenantId,
          createdAt: sql<Date>`now()`.as("created_at"),
        })
        .from(people)
        .where(
          and(
            eq(people.tenantId, group.tenantId),
            eq(people.integrationId, integrationId),
            isNull(people.deletedAt),
            inIdList(people.id, candidates),
          ),
        )
        // Rows are taken in id order whatever the plan, so two requests adding some of the
        // same people never each hold one row the other waits for.
        .orderBy(people.id),
    )
    .onConflictDoNothing()
    .returning({ personId: groupMembers.personId });
  return rows.map((row) => row.personId);
}

/** Removes only the listed members (Entra's value array, a members filter); absent ones are ignored. */
export async function removeMembers(tx: Db, group: MembershipTarget, ids: readonly string[]): Promise<string[]> {
  const candidates = ids.filter(isUuid);
  if (candidates.length === 0) return [];
  const rows = await tx
    .delete(groupMembers)
    .where(and(ofGroup(group), inIdList(groupMembers.personId, candidates)))
    .returning({ personId: groupMembers.personId });
  return rows.map((row) => row.personId);
}

/** Removes every member but the listed ones: the first half of replacing the full set. */
export async function removeMembersExcept(tx: Db, group: MembershipTarget, keep: readonly string[]): Promise<string[]> {
  const kept = keep.filter(isUuid);
  const rows = await tx
    .delete(groupMembers)
    .where(kept.length === 0 ? ofGroup(group) : and(ofGroup(group), notInIdList(groupMembers.personId, kept)))
    .returning({ personId: groupMembers.personId });
  return rows.map((row) => row.personId);
}

function ofGroup(group: MembershipTarget) {
  return and(eq(groupMembers.groupId, group.id), eq(groupMembers.tenantId, group.tenantId));
}
