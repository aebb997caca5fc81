import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { TypedQueryBuilder } from "drizzle-orm/query-builders/query-builder";
import type { Db } from "@/db/client";
import { events, people, type FieldChange, type Person } from "@/db/schema";
import { outboxInsert, recordHistoryWithChangeEvents } from "@/lib/events/record-history-with-change-events";
import type { GroupEventAction, PersonEventAction } from "./history-actions";

/** Who made a change: an identity provider through an integration, a console user, or the system. */
export type Actor = {
  type: "integration" | "console_user" | "system";
  id: string | null;
  label: string;
  requestId?: string | null;
};

export type EventEntry = {
  tenantId: string;
  subjectId: string;
  changes?: FieldChange[];
  actor: Actor;
  /** Why a console user acted, when they said. */
  reason?: string | null;
} & ({ subjectType: "person"; action: PersonEventAction } | { subjectType: "group"; action: GroupEventAction });

/**
 * Writes History entries, and the outbox events they make (lib/events), in one statement;
 * call it inside the transaction that made the change.
 */
export async function recordEvents(db: Db, entries: EventEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const insert = db.insert(events).values(
    entries.map((e) => ({
      tenantId: e.tenantId,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      action: e.action,
      changes: e.changes ?? [],
      actorType: e.actor.type,
      actorId: e.actor.id,
      actorLabel: e.actor.label,
      requestId: e.actor.requestId ?? null,
      reason: e.reason ?? null,
    })),
  );
  await recordHistoryWithChangeEvents(db, insert.getSQL());
}

export function recordEvent(db: Db, entry: EventEntry): Promise<void> {
  return recordEvents(db, [entry]);
}

/** An INSERT or UPDATE of people returning every column: a write withEvent records. */
type PersonWrite = TypedQueryBuilder<(typeof people)["_"]["columns"], Person[]>;
export type PersonEntry = Omit<EventEntry, "subjectId" | "subjectType"> & { action: PersonEventAction };

/**
 * `write` (an INSERT or UPDATE of one person, `.returning()`, or such a statement written as
 * SQL returning every column) with its History entry and
 * outbox event as ONE statement, so no transaction is needed around them: the entry is
 * recorded if and only if the write wrote the row, and names it as its subject. The entry's
 * values are placeholders (eventValues): prepare the statement once (lib/people/internal/
 * write-person.ts). It returns the row written, or none when the UPDATE matched none (then
 * nothing was recorded).
 */
export function withEvent(db: Db, write: PersonWrite | SQL) {
  const written = is(write, SQL) ? db.$with("written", getTableColumns(people)).as(write) : db.$with("written").as(write);
  const value = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;
  const history = db.$with("h", {}).as(sql`
    insert into events (tenant_id, subject_type, subject_id, action, changes, actor_type, actor_id, actor_label, request_id, reason)
    select ${value("eventTenantId", "uuid")}, 'person', written.id, ${value("eventAction", "text")}, ${value("eventChanges", "jsonb")},
           ${value("actorType", "text")}, ${value("actorId", "uuid")}, ${value("actorLabel", "text")}, ${value("requestId", "text")}, ${value("reason", "text")}
    from written
    returning *`);
  const outbox = db.$with("outbox", {}).as(outboxInsert({ people: "written", groups: false }));
  return db.with(written, history, outbox).select().from(written);
}

/** The values of withEvent's placeholders for one entry. */
export function eventValues(entry: PersonEntry) {
  return {
    eventTenantId: entry.tenantId,
    eventAction: entry.action,
    eventChanges: JSON.stringify(entry.changes ?? []),
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    requestId: entry.actor.requestId ?? null,
    reason: entry.reason ?? null,
  };
}
