import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changeEventOfHistory, typesWithPrevious } from "./change-event-types";
import { personJson, roleJson } from "@/lib/api-v1/resource-json";
import { renderedOnce } from "@/lib/sql/rendered-once";

/** The outbox event type of History row `h`, or null: changeEventOfHistory as one CASE. */
const eventType = sql.raw(
  `(case h.subject_type || '.' || h.action ${Object.entries(changeEventOfHistory)
    .flatMap(([subject, byAction]) =>
      Object.entries(byAction)
        .filter(([, type]) => type !== null)
        .map(([action, type]) => `when '${subject}.${action}' then '${type}'`),
    )
    .join(" ")} end)`,
);

/**
 * Runs `historyInsert` (an INSERT INTO events, History) and, in the same statement, writes
 * the outbox event of each History row that makes one (change-event-types.ts): so a change
 * and its event commit together, at no extra round trip. The resource is read as the
 * transaction now sees it. A purged person's event carries only their id; a role's member is
 * named as History names them (a purge has already replaced the name).
 */
export async function recordHistoryWithChangeEvents(db: Db, historyInsert: SQL): Promise<void> {
  await db.execute(sql`with h as (${historyInsert} returning *) ${outboxInsert({ people: "people", groups: true })}`);
}

/**
 * The outbox insert for the History rows of a statement's `h` (its History insert, returning
 * *), reading people from `people`: the table, or `written`, the rows a data-modifying part
 * of the same statement wrote, which the table does not show that statement
 * (lib/history/record-event.ts, withEvent). Groups are read only when `groups` says History
 * may name one. It has no values of its own, so each variant's text is built once.
 */
export function outboxInsert(source: { people: "people" | "written"; groups: boolean }): SQL {
  const key = `${source.people} ${source.groups}`;
  let insert = outboxInserts.get(key);
  if (!insert) {
    insert = renderedOnce(buildOutboxInsert(source.people, source.groups));
    outboxInserts.set(key, insert);
  }
  return insert;
}

const outboxInserts = new Map<string, SQL>();

/**
 * The rows of `table` that the History rows of `h` about `subject` name, found by their ids
 * before any join. Joined to `h` directly, PostgreSQL plans the table from its statistics,
 * and a prepared statement keeps that plan: planned while a new tenant's first sync had made
 * few groups, each member PATCH of that sync compared every member's History row with every
 * group (10,000 pairs for 100 members once there were 100 groups). Filtered first, the table
 * is read once at worst, and the join meets only the rows named.
 */
function namedBy(table: "people" | "groups", subject: "person" | "group"): SQL {
  return sql.raw(`(select * from ${table} where id = any(array(select h.subject_id from h where h.subject_type = '${subject}')))`);
}

function buildOutboxInsert(source: "people" | "written", groups: boolean): SQL {
  const people = source === "written" ? sql.raw("written") : namedBy("people", "person");
  const member = sql`coalesce(h.changes -> 0 -> 'after', h.changes -> 0 -> 'before')`;
  const isMemberEvent = sql`h.subject_type = 'group' and h.action in ('member_added', 'member_removed')`;
  const resource = sql`case
    when h.subject_type = 'person' and h.action <> 'purged' and p.id is not null then ${personJson("p")}
    ${groups ? sql`when h.subject_type = 'group' and g.id is not null then ${roleJson("g")}` : sql``}
    else jsonb_build_object('id', h.subject_id) end`;
  const previous = sql`(select jsonb_object_agg(c ->> 'path', coalesce(c -> 'before', 'null'::jsonb)) from jsonb_array_elements(h.changes) c)`;
  return sql`
    insert into change_events (tenant_id, type, person_id, role_id, actor_type, actor_id, actor_label, request_id, data, created_at)
    select h.tenant_id, ${eventType},
           case when h.subject_type = 'person' then h.subject_id when ${isMemberEvent} then (${member} ->> 'value')::uuid end,
           case when h.subject_type = 'group' then h.subject_id end,
           h.actor_type, h.actor_id, h.actor_label, h.request_id,
           jsonb_build_object('resource', ${resource})
             || case when ${eventType} = any(${sql.raw(`array[${typesWithPrevious.map((t) => `'${t}'`).join(", ")}]`)})
                  then jsonb_build_object('previous', coalesce(${previous}, '{}'::jsonb)) else '{}'::jsonb end
             || case when ${isMemberEvent}
                  then jsonb_build_object('member', jsonb_build_object('id', ${member} ->> 'value', 'display', ${member} ->> 'display'))
                  else '{}'::jsonb end,
           h.created_at
    from h
    left join ${people} p on h.subject_type = 'person' and p.id = h.subject_id
    ${groups ? sql`left join ${namedBy("groups", "group")} g on h.subject_type = 'group' and g.id = h.subject_id` : sql``}
    where ${eventType} is not null
    order by h.id
  `;
}
