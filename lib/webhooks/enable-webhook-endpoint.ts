import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";

export const enableWebhookEndpointInput = z.object({ endpointId: z.uuid("Unknown webhook endpoint") });

/**
 * Turns a disabled endpoint back on: delivery resumes at once from the event it stopped at,
 * with a fresh count of failures.
 */
export async function enableWebhookEndpoint(db: Db, tenantId: string, raw: z.input<typeof enableWebhookEndpointInput>, actor: AuditActor): Promise<{ id: string; url: string }> {
  const { endpointId } = parseInput(enableWebhookEndpointInput, raw);
  return db.transaction(async (tx) => {
    const [enabled] = await tx
      .update(webhookEndpoints)
      .set({ enabled: true, disabledAt: null, failedAttempts: 0, failingSince: null, nextAttemptAt: sql`now()` })
      .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!enabled) throw new AppError("not_found", "Unknown webhook endpoint");
    await recordAudit(tx, { tenantId, actor, action: "webhook.enabled", detail: { webhookId: enabled.id, url: enabled.url } });
    return enabled;
  });
}
