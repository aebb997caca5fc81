import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";

/** How long an instance may hold an endpoint between two writes; renewed at each delivered event. */
export const ENDPOINT_LEASE_SECONDS = 60;

/**
 * Leases up to `limit` endpoints that are due (enabled, past their retry wait, with events
 * beyond their cursor) and that no live lease holds. FOR UPDATE SKIP LOCKED lets several
 * instances claim at once without waiting on or sharing a row; a row another instance leased
 * meanwhile is re-checked and skipped. A lease left by a killed process lapses and the
 * endpoint is taken again, from its cursor: the event in hand is sent once more. `skip`
 * leaves out endpoints this run already found with nothing to send.
 */
export async function claimDueEndpoints(db: Db, options: { owner: string; now: Date; limit: number; skip?: string[] }): Promise<WebhookEndpoint[]> {
  const { owner, now, limit, skip = [] } = options;
  const at = now.toISOString();
  const due = sql`
    select e.id from ${webhookEndpoints} e
    where e.enabled and e.next_attempt_at <= ${at}::timestamptz
      and (e.lease_until is null or e.lease_until < ${at}::timestamptz)
      and e.id <> all(${`{${skip.join(",")}}`}::uuid[])
      and exists (select 1 from change_events c where c.tenant_id = e.tenant_id and (c.tx_id, c.id) > (e.cursor_tx_id, e.cursor_id))
    order by e.next_attempt_at
    limit ${limit}
    for update skip locked`;
  return db
    .update(webhookEndpoints)
    .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + ENDPOINT_LEASE_SECONDS * 1000) })
    .where(sql`${webhookEndpoints.id} in (${due})`)
    .returning();
}
