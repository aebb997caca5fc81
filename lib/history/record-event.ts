import { sql } from "drizzle-orm";
import type { TypedQueryBuilder } from "drizzle-orm/query-builders/query-builder";
import type { Db } from "@/db/client";
import { events, type FieldChange, type people, type Person } from "@/db/schema";
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

/** An INSERT or UPDATE of people returning every column: a write writeWithEvent records. */
type PersonWrite = TypedQueryBuilder<(typeof people)["_"]["columns"], Person[]>;
type PersonEntry = Omit<EventEntry, "subjectId" | "subjectType"> & { action: PersonEventAction };

/**
 * Runs `write` (an INSERT or UPDATE of one person, `.returning()`) with its History entry
 * and outbox event in ONE statement, so no transaction is needed around them: the entry is
 * recorded if and only if the write wrote the row, and names it as its subject. Returns the
 * row written, or undefined when the UPDATE matched none (then nothing was recorded).
 */
export async function writeWithEvent(db: Db, write: PersonWrite, entry: PersonEntry): Promise<Person | undefined> {
  const written = db.$with("written").as(write);
  const history = db.$with("h", {}).as(sql`
    insert into events (tenant_id, subject_type, subject_id, action, changes, actor_type, actor_id, actor_label, request_id, reason)
    select ${entry.tenantId}::uuid, 'person', written.id, ${entry.action}::text, ${JSON.stringify(entry.changes ?? [])}::jsonb,
           ${entry.actor.type}::text, ${entry.actor.id}::uuid, ${entry.actor.label}::text, ${entry.actor.requestId ?? null}::text, ${entry.reason ?? null}::text
    from written
    returning *`);
  const outbox = db.$with("outbox", {}).as(outboxInsert({ people: "written", groups: false }));
  const [row] = await db.with(written, history, outbox).select().from(written);
  return row;
}
