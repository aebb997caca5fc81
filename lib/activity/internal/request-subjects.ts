import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, groups, people } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";
import { personNameOf } from "@/lib/people/person-status";

/** The person or role a logged request addressed or created, by name, to link beside the raw id. */
export type RequestSubject = { type: "person" | "group"; id: string; name: string };

/** The id a `/Users/{id}` or `/Groups/{id}` path names (under an app key or not), else null. */
export function subjectIdInPath(path: string): { type: "person" | "group"; id: string } | null {
  const match = /\/(Users|Groups)\/([^/]+)$/.exec(path);
  if (!match || !isUuid(match[2])) return null;
  return { type: match[1] === "Users" ? "person" : "group", id: match[2].toLowerCase() };
}

/**
 * The subjects of one page of the log in three queries, whatever its length: the people and
 * roles its paths name, and what its successful creations created (their History event carries
 * the request id). Keyed by path id, and by request id for creations.
 */
export async function requestSubjects(
  db: Db,
  tenantId: string,
  rows: { path: string; requestId: string; method: string; status: number }[],
): Promise<{ byId: Map<string, RequestSubject>; createdBy: Map<string, RequestSubject> }> {
  const ids = rows.flatMap((row) => subjectIdInPath(row.path) ?? []);
  const createdIn = rows.filter((row) => row.method === "POST" && row.status === 201).map((row) => row.requestId);
  const created = createdIn.length
    ? await db
        .select({ requestId: events.requestId, type: events.subjectType, id: events.subjectId })
        .from(events)
        .where(and(eq(events.tenantId, tenantId), isNotNull(events.requestId), inArray(events.requestId, createdIn), eq(events.action, "created")))
    : [];
  const personIds = [...new Set([...ids, ...created].filter((s) => s.type === "person").map((s) => s.id))];
  const groupIds = [...new Set([...ids, ...created].filter((s) => s.type === "group").map((s) => s.id))];
  const [peopleFound, groupsFound] = await Promise.all([
    personIds.length
      ? db
          .select({ id: people.id, displayName: people.displayName, givenName: people.givenName, familyName: people.familyName, userName: people.userName, purgedAt: people.purgedAt })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)))
      : [],
    groupIds.length
      ? db.select({ id: groups.id, name: groups.displayName }).from(groups).where(and(eq(groups.tenantId, tenantId), inArray(groups.id, groupIds)))
      : [],
  ]);
  const byId = new Map<string, RequestSubject>();
  // A purged person keeps no name: their row stays for History's tombstone, unnamed.
  for (const p of peopleFound) if (!p.purgedAt) byId.set(p.id, { type: "person", id: p.id, name: personNameOf(p) });
  for (const g of groupsFound) byId.set(g.id, { type: "group", id: g.id, name: g.name });
  const createdBy = new Map<string, RequestSubject>();
  for (const c of created) {
    const subject = byId.get(c.id);
    if (c.requestId && subject) createdBy.set(c.requestId, subject);
  }
  return { byId, createdBy };
}
