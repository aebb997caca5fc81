import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** One of the tenant's endpoints; another tenant's is not found. */
export async function findEndpoint(db: Db, tenantId: string, endpointId: string): Promise<WebhookEndpoint> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)));
  if (!endpoint) throw new AppError("not_found", "Unknown webhook endpoint");
  return endpoint;
}
