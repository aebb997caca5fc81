import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { changeEventPruneMarks, changeEvents, type ChangeEventRow } from "@/db/schema";
import { apiLimitSchema, apiQuery } from "@/lib/api-v1/api-page";
import { AppError, parseInput } from "@/lib/errors";
import { eventIdOf, eventIdSchema, type EventPosition } from "./event-cursor";

export const listChangeEventsInput = apiQuery({
  after: eventIdSchema.optional().describe("The next of the previous page (or an event's id); leave it out to start at the oldest event kept"),
  limit: apiLimitSchema,
});

const eventIdDoc = z.string().regex(/^[0-9a-f]{32}$/);

/** One event as /api/v1/events and webhooks show it (Standard Webhooks' type, timestamp, data). */
export const changeEventSchema = z
  .object({
    id: eventIdDoc.describe("The event's position in the tenant's feed: ids compare as strings in feed order"),
    type: z.string().describe("person.created, person.updated, ..., role.member_added, integration.state_changed"),
    timestamp: z.iso.datetime().describe("When the change was made"),
    actor: z.object({
      type: z.enum(["integration", "console_user", "system"]),
      id: z.guid().nullable(),
      label: z.string(),
    }),
    requestId: z.string().nullable().describe("The request that made the change, as its SCIM log or the console's audit shows it"),
    data: z
      .record(z.string(), z.unknown())
      .describe("resource (a Person or a Role as it is after the change), previous (changed attributes' values before), member (a role's member: id, display)"),
  })
  .describe("One change to a tenant's people, roles or integrations");
export type ChangeEvent = z.output<typeof changeEventSchema>;

export const changeEventsPageSchema = z.object({
  data: z.array(changeEventSchema),
  next: eventIdDoc.nullable().describe("Pass as after for the next page; null only when the feed is empty and no after was given"),
});

export function changeEventOf(row: ChangeEventRow): ChangeEvent {
  return {
    id: eventIdOf(row),
    type: row.type,
    timestamp: row.createdAt.toISOString(),
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    requestId: row.requestId,
    data: row.data,
  };
}

/**
 * The tenant's events after a position, oldest first, with the position to read after next.
 *
 * Row ids are taken when a transaction inserts, not when it commits: on PostgreSQL a
 * transaction may commit id 9 after another committed id 10, so a reader at 10 would never
 * see 9. The feed therefore orders by the writer's transaction id (then row id) and returns
 * only events of transactions older than every transaction still running
 * (pg_snapshot_xmin of the statement's own snapshot): all of those have ended, so nothing can
 * later appear below the position handed out. A long transaction delays the feed, never gaps
 * it. PGlite runs one transaction at a time, where the condition holds trivially.
 * A position retention pruned past is refused (410) for an API reader, who must reconcile;
 * `resume` carries on from the oldest kept event, for a reader that cannot ask anyone (webhooks).
 */
export async function listChangeEvents(
  db: Db,
  tenantId: string,
  raw: z.input<typeof listChangeEventsInput>,
  options: { pastRetention: "refuse" | "resume" } = { pastRetention: "refuse" },
): Promise<z.output<typeof changeEventsPageSchema>> {
  const { after, limit } = parseInput(listChangeEventsInput, raw);
  const settled = sql`${changeEvents.txId} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;
  const rows = await db
    .select()
    .from(changeEvents)
    .where(and(eq(changeEvents.tenantId, tenantId), settled, after ? sql`(${changeEvents.txId}, ${changeEvents.id}) > (${after.txId}::bigint, ${after.id}::bigint)` : undefined))
    .orderBy(asc(changeEvents.txId), asc(changeEvents.id))
    .limit(limit);
  if (after && options.pastRetention === "refuse") await refuseExpiredPosition(db, tenantId, after);
  const data = rows.map(changeEventOf);
  return { data, next: data.at(-1)?.id ?? (after ? eventIdOf(after) : null) };
}

/**
 * 410 when retention pruned an event after the reader's position: resuming would skip it
 * silently. Checked after the page is read: a prune commits its deletions and its mark
 * together, so if the page's snapshot already missed pruned events, this later read sees the
 * mark; checked before, a prune in between could slip past both.
 */
async function refuseExpiredPosition(db: Db, tenantId: string, after: EventPosition): Promise<void> {
  const [mark] = await db.select().from(changeEventPruneMarks).where(eq(changeEventPruneMarks.tenantId, tenantId));
  if (!mark || after.txId > mark.txId || (after.txId === mark.txId && after.id >= mark.id)) return;
  throw new AppError(
    "cursor_expired",
    "Events after this position were removed by retention before they were read. Read the feed again from its oldest kept event (leave out after) and reconcile with GET /api/v1/people and /api/v1/roles.",
  );
}
