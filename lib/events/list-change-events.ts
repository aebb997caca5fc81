import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { changeEvents, type ChangeEventRow } from "@/db/schema";
import { parseInput } from "@/lib/errors";
import { eventIdOf, eventIdSchema } from "./event-cursor";

export const listChangeEventsInput = z.object({
  after: eventIdSchema.optional(),
  limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(1000, "limit must be at most 1000").default(100),
});

/** One event as /api/v1/events and webhooks show it (Standard Webhooks' type, timestamp, data). */
export type ChangeEvent = {
  id: string;
  type: string;
  timestamp: string;
  actor: { type: ChangeEventRow["actorType"]; id: string | null; label: string };
  requestId: string | null;
  data: Record<string, unknown>;
};

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
 */
export async function listChangeEvents(db: Db, tenantId: string, raw: z.input<typeof listChangeEventsInput>): Promise<{ data: ChangeEvent[]; next: string | null }> {
  const { after, limit } = parseInput(listChangeEventsInput, raw);
  const settled = sql`${changeEvents.txId} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;
  const rows = await db
    .select()
    .from(changeEvents)
    .where(and(eq(changeEvents.tenantId, tenantId), settled, after ? sql`(${changeEvents.txId}, ${changeEvents.id}) > (${after.txId}::bigint, ${after.id}::bigint)` : undefined))
    .orderBy(asc(changeEvents.txId), asc(changeEvents.id))
    .limit(limit);
  const data = rows.map(changeEventOf);
  return { data, next: data.at(-1)?.id ?? (after ? eventIdOf(after) : null) };
}
