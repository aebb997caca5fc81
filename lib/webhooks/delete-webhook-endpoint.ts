import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";

export const deleteWebhookEndpointInput = z.object({ endpointId: z.uuid("Unknown webhook endpoint") });

/** Deletes one of the tenant's endpoints and its delivery log; another tenant's is not found. */
export async function deleteWebhookEndpoint(db: Db, tenantId: string, raw: z.input<typeof deleteWebhookEndpointInput>, actor: AuditActor): Promise<{ id: string; url: string }> {
  const { endpointId } = parseInput(deleteWebhookEndpointInput, raw);
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!deleted) throw new AppError("not_found", "Unknown webhook endpoint");
    await recordAudit(tx, { tenantId, actor, action: "webhook.deleted", detail: { webhookId: deleted.id, url: deleted.url } });
    return deleted;
  });
}
