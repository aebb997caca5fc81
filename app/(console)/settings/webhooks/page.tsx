import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { WebhookEndpoints } from "./_components/webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { tenant } = await requireConsole("webhooks:manage");
  const endpoints = await listWebhookEndpoints(await getDb(), tenant.id);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={`Endpoints ${tenant.name}'s change events are POSTed to, signed as Standard Webhooks specifies, in order, retried for three days before an endpoint is disabled.`}
      />
      <WebhookEndpoints endpoints={endpoints} />
    </>
  );
}
