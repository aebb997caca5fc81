import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { isUuid } from "@/lib/is-uuid";
import { findWebhookEndpoint, listWebhookDeliveries } from "@/lib/webhooks/list-webhook-endpoints";
import { sendTestWebhookAction } from "../actions";
import { DeliveryLog } from "../_components/delivery-log";
import { RowButton } from "../_components/row-button";
import { EndpointState } from "../_components/webhook-endpoints";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requireConsole("webhooks:manage");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const endpoint = await findWebhookEndpoint(db, tenant.id, id);
  if (!endpoint) notFound();
  const deliveries = await listWebhookDeliveries(db, tenant.id, endpoint.id);
  return (
    <>
      <PageHeader title={endpoint.url} description="The latest 50 delivery attempts to this endpoint, newest first." />
      <div className="space-y-4">
        <DescriptionList
          items={[
            { label: "State", value: <EndpointState endpoint={endpoint} /> },
            { label: "Events", value: endpoint.eventTypes?.join(", ") ?? "All events" },
            { label: "Next attempt", value: endpoint.enabled && endpoint.failingSince ? formatDateTime(endpoint.nextAttemptAt) : "—" },
            { label: "Created", value: formatDateTime(endpoint.createdAt) },
          ]}
        />
        <RowButton serverAction={sendTestWebhookAction} label="Send test event" pendingLabel="Sending…" fields={{ endpointId: endpoint.id }} />
        <DeliveryLog deliveries={deliveries} />
      </div>
    </>
  );
}
