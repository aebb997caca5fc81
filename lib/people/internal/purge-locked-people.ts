import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, people, type Person } from "@/db/schema";
import { scrubPeopleSearches } from "@/lib/audit/scrub-people-searches";
import { redactPurgedPeople } from "@/lib/events/redact-purged-people";
import { recordEvents, type Actor } from "@/lib/history/record-event";
import { personalTerms } from "./personal-terms";
import { PURGED_MEMBER, removePurgedMemberships, scrubGroupHistory } from "./scrub-group-history";
import { scrubRequestLog } from "./scrub-request-log";

/**
 * The permanent delete of people already locked by the caller's transaction: their row
 * keeps only its id, tenant, integration and dates; memberships go; their History becomes
 * one tombstone (who, when, why, no personal data); roles' History, the SCIM request log and
 * staff's audited searches stop naming them, nor do their outbox events. SCIM answers 404 and
 * their userName is free for a new person.
 */
export async function purgeLockedPeople(tx: Db, tenantId: string, persons: Person[], actor: Actor, reason: string | null): Promise<void> {
  if (persons.length === 0) return;
  const ids = persons.map((p) => p.id);
  const personEvents = and(eq(events.tenantId, tenantId), eq(events.subjectType, "person"), inArray(events.subjectId, ids));
  const history = await tx.select({ subjectId: events.subjectId, changes: events.changes }).from(events).where(personEvents);
  const terms = [
    ...new Set(persons.flatMap((p) => personalTerms(p, history.filter((h) => h.subjectId === p.id).map((h) => h.changes)))),
  ];
  await removePurgedMemberships(tx, tenantId, ids, actor);
  await scrubGroupHistory(tx, tenantId, ids, terms);
  await tx.delete(events).where(personEvents);
  await recordEvents(
    tx,
    ids.map((id) => ({ tenantId, subjectType: "person" as const, subjectId: id, action: "purged", actor, reason })),
  );
  await redactPurgedPeople(tx, tenantId, ids, PURGED_MEMBER);
  await scrubRequestLog(tx, tenantId, ids, terms);
  await scrubPeopleSearches(tx, tenantId, terms);
  const now = new Date();
  await tx
    .update(people)
    .set({
      userName: "",
      externalId: null,
      active: false,
      givenName: null,
      familyName: null,
      displayName: null,
      primaryEmail: null,
      region: null,
      resource: {},
      version: sql`${people.version} + 1`,
      updatedAt: now,
      deletedAt: sql`coalesce(${people.deletedAt}, ${now.toISOString()}::timestamptz)`,
      purgedAt: now,
    })
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
}
