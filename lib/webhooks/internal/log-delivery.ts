import type { Db } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import type { SendOutcome, WebhookMessage } from "./send-webhook";

/** Writes one attempt to the endpoint's delivery log. */
export async function logDelivery(db: Db, entry: { tenantId: string; endpointId: string; message: WebhookMessage; attempt: number; outcome: SendOutcome }) {
  const { outcome } = entry;
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      tenantId: entry.tenantId,
      endpointId: entry.endpointId,
      messageId: entry.message.id,
      eventType: entry.message.type,
      attempt: entry.attempt,
      status: outcome.status,
      ok: outcome.ok,
      error: outcome.error,
      latencyMs: outcome.latencyMs,
      responseExcerpt: outcome.responseExcerpt,
    })
    .returning();
  return row;
}
