import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/errors";
import { changeEventTypes } from "@/lib/events/change-event-types";
import { webhookUrlSchema } from "./webhook-url";

export const createWebhookEndpointInput = z.object({
  url: webhookUrlSchema,
  /** A list, or comma-separated as the CLI takes them; empty or absent: every event type. */
  eventTypes: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((type) => type.trim()).filter(Boolean) : value),
    z.array(z.enum(changeEventTypes, { error: `Event types are: ${changeEventTypes.join(", ")}` })).default([]),
  ),
});

export type CreatedWebhookEndpoint = { endpoint: WebhookEndpoint; secret: string };

/**
 * Adds an endpoint with a new Standard Webhooks secret (whsec_ and 24 random bytes in
 * base64, as the spec's SDKs generate), returned here to show once. It is sent the events
 * of transactions that begin after its own.
 */
export async function createWebhookEndpoint(db: Db, tenantId: string, raw: z.input<typeof createWebhookEndpointInput>, actor: AuditActor): Promise<CreatedWebhookEndpoint> {
  const { url, eventTypes } = parseInput(createWebhookEndpointInput, raw);
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({ tenantId, url, eventTypes: eventTypes.length ? [...new Set(eventTypes)] : null, secret, createdByUserId: actor.userId })
      .returning();
    await recordAudit(tx, { tenantId, actor, action: "webhook.created", detail: { webhookId: endpoint.id, url, eventTypes: endpoint.eventTypes } });
    return { endpoint, secret };
  });
}
