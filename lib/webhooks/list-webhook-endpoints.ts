import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";

/** The tenant's endpoints, newest first, without their secrets. */
export async function listWebhookEndpoints(db: Db, tenantId: string) {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      eventTypes: webhookEndpoints.eventTypes,
      enabled: webhookEndpoints.enabled,
      disabledAt: webhookEndpoints.disabledAt,
      failingSince: webhookEndpoints.failingSince,
      failedAttempts: webhookEndpoints.failedAttempts,
      nextAttemptAt: webhookEndpoints.nextAttemptAt,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tenantId, tenantId))
    .orderBy(desc(webhookEndpoints.createdAt));
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
