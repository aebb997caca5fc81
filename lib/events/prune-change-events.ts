import { inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changeEventPruneMarks, changeEvents, webhookDeliveries } from "@/db/schema";

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
  while (!options.signal?.aborted) {
    const count = await pruneEventBatch(db, cutoff);
    pruned.events += count;
    if (count < BATCH) break;
  }
  const expired = () => db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(lt(webhookDeliveries.createdAt, cutoff)).limit(BATCH);
  while (!options.signal?.aborted) {
    const rows = await db.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, expired())).returning({ id: webhookDeliveries.id });
    pruned.deliveries += rows.length;
    if (rows.length < BATCH) break;
  }
  return pruned;
}

/**
 * One batch of expired events, and in the same transaction each tenant's prune mark raised to
 * the newest feed position deleted (never lowered). Events are pruned by age, which does not
 * follow feed order exactly; the mark is the highest position pruned, so "a reader below the
 * mark missed an event" holds exactly, and a reader at or past it missed none.
 */
async function pruneEventBatch(db: Db, cutoff: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = tx.select({ id: changeEvents.id }).from(changeEvents).where(lt(changeEvents.createdAt, cutoff)).limit(BATCH);
    const rows = await tx.delete(changeEvents).where(inArray(changeEvents.id, expired)).returning({ tenantId: changeEvents.tenantId, txId: changeEvents.txId, id: changeEvents.id });
    const newest = new Map<string, { txId: number; id: number }>();
    for (const row of rows) {
      const mark = newest.get(row.tenantId);
      if (!mark || row.txId > mark.txId || (row.txId === mark.txId && row.id > mark.id)) newest.set(row.tenantId, { txId: row.txId, id: row.id });
    }
    if (newest.size > 0) {
      await tx
        .insert(changeEventPruneMarks)
        .values([...newest].map(([tenantId, mark]) => ({ tenantId, ...mark })))
        .onConflictDoUpdate({
          target: changeEventPruneMarks.tenantId,
          set: { txId: sql`excluded.tx_id`, id: sql`excluded.id`, prunedAt: sql`now()` },
          setWhere: sql`(excluded.tx_id, excluded.id) > (${changeEventPruneMarks.txId}, ${changeEventPruneMarks.id})`,
        });
    }
    return rows.length;
  });
}
