import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";

type EndpointState = "delivering" | "failing" | "disabled";

export type WebhookCounts = {
  /** Endpoints across every tenant: delivering (enabled, no failure in hand), failing, disabled. */
  endpoints: { state: EndpointState; count: number }[];
  /** Change events past an enabled endpoint's cursor, summed over endpoints: what is left to send. */
  backlog: number;
  /** Failed attempts at the events enabled endpoints are held on now. */
  failedAttempts: number;
};

const state = sql<EndpointState>`case when not ${webhookEndpoints.enabled} then 'disabled' when ${webhookEndpoints.failingSince} is not null then 'failing' else 'delivering' end`;

/** The platform's webhook delivery state, for the operator's metrics: the same on every instance. */
export async function countWebhookBacklog(db: Db): Promise<WebhookCounts> {
  const [endpoints, enabled] = await Promise.all([
    db.select({ state, count: count() }).from(webhookEndpoints).groupBy(state),
    db
      .select({
        failedAttempts: webhookEndpoints.failedAttempts,
        // The feed's order (change_events_feed_idx): every event after the endpoint's place.
        waiting: sql<number>`(select count(*) from change_events c
          where c.tenant_id = ${webhookEndpoints.tenantId} and (c.tx_id, c.id) > (${webhookEndpoints.cursorTxId}, ${webhookEndpoints.cursorId}))`.mapWith(Number),
      })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.enabled, true)),
  ]);
  return {
    endpoints,
    backlog: enabled.reduce((sum, e) => sum + e.waiting, 0),
    failedAttempts: enabled.reduce((sum, e) => sum + e.failedAttempts, 0),
  };
}
