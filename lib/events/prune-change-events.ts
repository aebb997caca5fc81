import { inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changeEvents, webhookDeliveries } from "@/db/schema";

/** Rows deleted per statement: each batch commits on its own, so no delete holds locks for long. */
const BATCH = 5_000;

type Pruned = { events: number; deliveries: number };

/**
 * Deletes outbox events older than `days` (CHANGE_EVENTS_RETENTION_DAYS, default 30) before
 * `now`, and the webhook delivery log's entries of the same age (a delivery is kept no longer
 * than the event it sent), batch by batch, stopping between batches when `signal` aborts.
 */
export async function pruneChangeEvents(db: Db, options: { days: number; now: Date; signal?: AbortSignal }): Promise<Pruned> {
  const cutoff = new Date(options.now.getTime() - options.days * 86_400_000);
  const pruned: Pruned = { events: 0, deliveries: 0 };
  for (const [key, table] of [
    ["events", changeEvents],
    ["deliveries", webhookDeliveries],
  ] as const) {
    const expired = () => db.select({ id: table.id }).from(table).where(lt(table.createdAt, cutoff)).limit(BATCH);
    while (!options.signal?.aborted) {
      const rows = await db.delete(table).where(inArray(table.id, expired())).returning({ id: table.id });
      pruned[key] += rows.length;
      if (rows.length < BATCH) break;
    }
  }
  return pruned;
}
