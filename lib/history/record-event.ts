import type { Db } from "@/db/client";
import { events, type FieldChange } from "@/db/schema";
import { recordHistoryWithChangeEvents } from "@/lib/events/record-history-with-change-events";
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
