import { inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changeEvents } from "@/db/schema";

/** Rows deleted per statement: each batch commits on its own, so no delete holds locks for long. */
const BATCH = 5_000;

/**
 * Deletes outbox events older than `days` (CHANGE_EVENTS_RETENTION_DAYS, default 30) before
 * `now`, batch by batch, stopping between batches when `signal` aborts. Returns how many went.
 */
export async function pruneChangeEvents(db: Db, options: { days: number; now: Date; signal?: AbortSignal }): Promise<number> {
  const cutoff = new Date(options.now.getTime() - options.days * 86_400_000);
  const expired = () => db.select({ id: changeEvents.id }).from(changeEvents).where(lt(changeEvents.createdAt, cutoff)).limit(BATCH);
  let deleted = 0;
  while (!options.signal?.aborted) {
    const rows = await db.delete(changeEvents).where(inArray(changeEvents.id, expired())).returning({ id: changeEvents.id });
    deleted += rows.length;
    if (rows.length < BATCH) break;
  }
  return deleted;
}
