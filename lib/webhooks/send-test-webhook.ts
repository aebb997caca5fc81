import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { parseInput } from "@/lib/errors";
import { findEndpoint } from "./internal/find-endpoint";
import { logDelivery } from "./internal/log-delivery";
import { sendWebhook, type SendOutcome } from "./internal/send-webhook";

export const sendTestWebhookInput = z.object({ endpointId: z.uuid("Unknown webhook endpoint") });

export const TEST_EVENT_TYPE = "webhook.test";

/**
 * Sends the endpoint a `webhook.test` event now, signed like any other, and logs it. It is
 * outside the feed: the endpoint's cursor and retries are untouched.
 */
export async function sendTestWebhook(db: Db, tenantId: string, raw: z.input<typeof sendTestWebhookInput>, now = new Date()): Promise<SendOutcome> {
  const { endpointId } = parseInput(sendTestWebhookInput, raw);
  const endpoint = await findEndpoint(db, tenantId, endpointId);
  const id = `test_${randomUUID()}`;
  const payload = JSON.stringify({ id, type: TEST_EVENT_TYPE, timestamp: now.toISOString(), data: { endpointId } });
  const message = { id, type: TEST_EVENT_TYPE, payload };
  const outcome = await sendWebhook(endpoint.url, endpoint.secret, message, { now });
  await logDelivery(db, { tenantId, endpointId, message, attempt: 1, outcome });
  return outcome;
}
