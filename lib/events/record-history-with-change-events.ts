import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changeEventOfHistory, typesWithPrevious } from "./change-event-types";
import { personJson, roleJson } from "@/lib/api-v1/resource-json";

const typeOf = JSON.stringify(changeEventOfHistory);

/**
 * Runs `historyInsert` (an INSERT INTO events, History) and, in the same statement, writes
 * the outbox event of each History row that makes one (change-event-types.ts): so a change
 * and its event commit together, at no extra round trip. The resource is read as the
 * transaction now sees it. A purged person's event carries only their id; a role's member is
 * named as History names them (a purge has already replaced the name).
 */
export async function recordHistoryWithChangeEvents(db: Db, historyInsert: SQL): Promise<void> {
  await db.execute(sql`with h as (${historyInsert} returning *) ${outboxInsert({ people: sql`people`, groups: true })}`);
}

/**
 * The outbox insert for the History rows of a statement's `h` (its History insert, returning
 * *), reading people from `people`: the table, or the rows a data-modifying part of the same
 * statement wrote, which the table does not show that statement (lib/history/record-event.ts,
 * writeWithEvent). Groups are read only when `groups` says History may name one.
 */
export function outboxInsert(source: { people: SQL; groups: boolean }): SQL {
  const type = sql`(${typeOf}::jsonb -> h.subject_type ->> h.action)`;
  const member = sql`coalesce(h.changes -> 0 -> 'after', h.changes -> 0 -> 'before')`;
  const isMemberEvent = sql`h.subject_type = 'group' and h.action in ('member_added', 'member_removed')`;
  const resource = sql`case
    when h.subject_type = 'person' and h.action <> 'purged' and p.id is not null then ${personJson("p")}
    ${source.groups ? sql`when h.subject_type = 'group' and g.id is not null then ${roleJson("g")}` : sql``}
    else jsonb_build_object('id', h.subject_id) end`;
  const previous = sql`(select jsonb_object_agg(c ->> 'path', coalesce(c -> 'before', 'null'::jsonb)) from jsonb_array_elements(h.changes) c)`;
  return sql`
    insert into change_events (tenant_id, type, person_id, role_id, actor_type, actor_id, actor_label, request_id, data, created_at)
    select h.tenant_id, ${type},
           case when h.subject_type = 'person' then h.subject_id when ${isMemberEvent} then (${member} ->> 'value')::uuid end,
           case when h.subject_type = 'group' then h.subject_id end,
           h.actor_type, h.actor_id, h.actor_label, h.request_id,
           jsonb_build_object('resource', ${resource})
             || case when ${type} = any(${sql.raw(`array[${typesWithPrevious.map((t) => `'${t}'`).join(", ")}]`)})
                  then jsonb_build_object('previous', coalesce(${previous}, '{}'::jsonb)) else '{}'::jsonb end
             || case when ${isMemberEvent}
                  then jsonb_build_object('member', jsonb_build_object('id', ${member} ->> 'value', 'display', ${member} ->> 'display'))
                  else '{}'::jsonb end,
           h.created_at
    from h
    left join ${source.people} p on h.subject_type = 'person' and p.id = h.subject_id
    ${source.groups ? sql`left join groups g on h.subject_type = 'group' and g.id = h.subject_id` : sql``}
    where ${type} is not null
    order by h.id
  `;
}
