import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";

/** What the console and CLI show of an endpoint: everything but its secret and lease. */
const shown = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  disabledAt: webhookEndpoints.disabledAt,
  failingSince: webhookEndpoints.failingSince,
  failedAttempts: webhookEndpoints.failedAttempts,
  nextAttemptAt: webhookEndpoints.nextAttemptAt,
  createdAt: webhookEndpoints.createdAt,
};

/** The tenant's endpoints, newest first. */
export async function listWebhookEndpoints(db: Db, tenantId: string) {
  return db.select(shown).from(webhookEndpoints).where(eq(webhookEndpoints.tenantId, tenantId)).orderBy(desc(webhookEndpoints.createdAt));
}

/** One of the tenant's endpoints, or null (another tenant's too). */
export async function findWebhookEndpoint(db: Db, tenantId: string, endpointId: string) {
  const [endpoint] = await db.select(shown).from(webhookEndpoints).where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)));
  return endpoint ?? null;
}

/** An endpoint's latest delivery attempts, newest first. */
export async function listWebhookDeliveries(db: Db, tenantId: string, endpointId: string, limit = 50) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

export type WebhookEndpointRow = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];
