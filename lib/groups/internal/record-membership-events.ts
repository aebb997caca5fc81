import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import type { GroupEventAction, PersonEventAction } from "@/lib/history/history-actions";
import { recordHistoryWithChangeEvents } from "@/lib/events/record-history-with-change-events";
import type { Actor } from "@/lib/history/record-event";
import { checkOnly, idListValue, listedIds } from "@/lib/sql/in-id-list";

export type MembershipChange = "added" | "removed";

const actions = {
  added: { group: "member_added", person: "joined_role", side: "after" },
  removed: { group: "member_removed", person: "left_role", side: "before" },
} as const satisfies Record<MembershipChange, { group: GroupEventAction; person: PersonEventAction; side: "before" | "after" }>;

/**
 * History on both sides of a membership change, in ONE insert however many members changed:
 * the group gained or lost each member, each person joined or left the role. Runs in the
 * transaction of the change; the display names are read from the same snapshot. The outbox
 * keeps the role's side (lib/events).
 */
export async function recordMembershipEvents(
  tx: Db,
  group: { id: string; tenantId: string; displayName: string },
  change: MembershipChange,
  personIds: readonly string[],
  actor: Actor,
): Promise<void> {
  if (personIds.length === 0) return;
  await recordHistoryWithChangeEvents(
    tx,
    membershipHistoryInsert(
      { id: sql`${group.id}::uuid`, tenantId: sql`${group.tenantId}::uuid`, displayName: sql`${group.displayName}::text` },
      change,
      sql`${idListValue(personIds)}::uuid[]`,
      sql`${actor.type}::text, ${actor.id}::uuid, ${actor.label}::text, ${actor.requestId ?? null}::text`,
    ),
  );
}

/**
 * The History insert of recordMembershipEvents, for the people of `memberIds` (a uuid[]
 * expression) in the group's tenant, found by their ids (listedIds). The group and the actor
 * (its type, id, label and request id, in that order) are SQL, so a statement can take them
 * from a row it reads itself or from placeholders (write-member-operation.ts).
 */
export function membershipHistoryInsert(
  group: { id: SQL; tenantId: SQL; displayName: SQL },
  change: MembershipChange,
  memberIds: SQL,
  actor: SQL,
): SQL {
  const action = actions[change];
  const member = sql`jsonb_build_object('value', ${people.id}, 'display', coalesce(${people.displayName}, ${people.userName}))`;
  const role = sql`jsonb_build_object('value', ${group.id}, 'display', ${group.displayName})`;
  const entry = (path: string, value: SQL) =>
    sql`jsonb_build_array(jsonb_build_object('path', ${path}::text, ${action.side}::text, ${value}))`;
  return sql`
    insert into events (tenant_id, subject_type, subject_id, action, changes, actor_type, actor_id, actor_label, request_id)
    select ${group.tenantId}, side.subject_type, side.subject_id, side.action, side.changes, ${actor}
    from ${listedIds(memberIds)}
    join ${people} on ${people.id} = listed.id
    cross join lateral (values
      ('group', ${group.id}, ${action.group}::text, ${entry("members", member)}),
      ('person', ${people.id}, ${action.person}::text, ${entry("groups", role)})
    ) as side (subject_type, subject_id, action, changes)
    where ${checkOnly(people.tenantId, group.tenantId)}
  `;
}
