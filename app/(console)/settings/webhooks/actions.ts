"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { consoleAction } from "@/lib/auth/form-action";
import { createWebhookEndpoint, createWebhookEndpointInput } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint, deleteWebhookEndpointInput } from "@/lib/webhooks/delete-webhook-endpoint";
import { enableWebhookEndpoint, enableWebhookEndpointInput } from "@/lib/webhooks/enable-webhook-endpoint";
import type { SendOutcome } from "@/lib/webhooks/internal/send-webhook";
import { redeliverWebhook, redeliverWebhookInput } from "@/lib/webhooks/redeliver-webhook";
import { sendTestWebhook, sendTestWebhookInput } from "@/lib/webhooks/send-test-webhook";

function described(outcome: SendOutcome): { success?: string; error?: string } {
  if (outcome.ok) return { success: `Delivered: HTTP ${outcome.status} in ${outcome.latencyMs} ms.` };
  return { error: outcome.status ? `The receiver answered HTTP ${outcome.status}.` : `Not delivered: ${outcome.error}` };
}

/** Settings > Webhooks > Add: the signing secret is in this answer only. */
export const createWebhookAction = consoleAction("webhooks:manage", createWebhookEndpointInput, async (input, { tenant, actor }) => {
  const { endpoint, secret } = await createWebhookEndpoint(await getDb(), tenant.id, input, actor);
  revalidatePath("/settings/webhooks");
  return { success: `Endpoint ${endpoint.url} added.`, reveal: { secret } };
});

export const deleteWebhookAction = consoleAction("webhooks:manage", deleteWebhookEndpointInput, async (input, { tenant, actor }) => {
  const deleted = await deleteWebhookEndpoint(await getDb(), tenant.id, input, actor);
  revalidatePath("/settings/webhooks");
  return { success: `Endpoint ${deleted.url} deleted.` };
});

export const enableWebhookAction = consoleAction("webhooks:manage", enableWebhookEndpointInput, async (input, { tenant, actor }) => {
  const enabled = await enableWebhookEndpoint(await getDb(), tenant.id, input, actor);
  revalidatePath("/settings/webhooks");
  return { success: `Endpoint ${enabled.url} enabled.` };
});

export const sendTestWebhookAction = consoleAction("webhooks:manage", sendTestWebhookInput, async (input, { tenant }) => {
  const outcome = await sendTestWebhook(await getDb(), tenant.id, input);
  revalidatePath(`/settings/webhooks/${input.endpointId}`);
  return described(outcome);
});

export const redeliverWebhookAction = consoleAction("webhooks:manage", redeliverWebhookInput, async (input, { tenant }) => {
  const outcome = await redeliverWebhook(await getDb(), tenant.id, input);
  revalidatePath("/settings/webhooks", "layout");
  return described(outcome);
});
