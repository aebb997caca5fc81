import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { changeEvents, webhookDeliveries } from "@/db/schema";
import { AppError, parseInput } from "@/lib/errors";
import { eventIdSchema } from "@/lib/events/event-cursor";
import { changeEventOf } from "@/lib/events/list-change-events";
import { webhookMessageOf } from "./deliver-webhooks";
import { findEndpoint } from "./internal/find-endpoint";
import { logDelivery } from "./internal/log-delivery";
import { sendWebhook, type SendOutcome } from "./internal/send-webhook";

export const redeliverWebhookInput = z.object({ deliveryId: z.coerce.number({ error: "Unknown delivery" }).int("Unknown delivery").positive("Unknown delivery") });

/**
 * Sends a logged delivery's event again now, with its original webhook-id so a receiver can
 * tell it is a repeat (a test event is sent as a new test). Outside the endpoint's ordered
 * delivery: its cursor and retries are untouched.
 */
export async function redeliverWebhook(db: Db, tenantId: string, raw: z.input<typeof redeliverWebhookInput>, now = new Date()): Promise<SendOutcome> {
  const { deliveryId } = parseInput(redeliverWebhookInput, raw);
  const [delivery] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, deliveryId)));
  if (!delivery) throw new AppError("not_found", "Unknown delivery");
  const endpoint = await findEndpoint(db, tenantId, delivery.endpointId);
  const position = eventIdSchema.safeParse(delivery.messageId);
  if (!position.success) throw new AppError("bad_input", "Only change events are redelivered; send a new test event instead");
  const [row] = await db.select().from(changeEvents).where(and(eq(changeEvents.tenantId, tenantId), eq(changeEvents.id, position.data.id)));
  if (!row) throw new AppError("not_found", "This event is no longer kept (change events are retained for CHANGE_EVENTS_RETENTION_DAYS)");
  const message = webhookMessageOf(changeEventOf(row));
  const outcome = await sendWebhook(endpoint.url, endpoint.secret, message, { now });
  await logDelivery(db, { tenantId, endpointId: endpoint.id, message, attempt: delivery.attempt + 1, outcome });
  return outcome;
}
