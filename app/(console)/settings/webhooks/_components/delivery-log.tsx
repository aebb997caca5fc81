"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import type { WebhookDelivery } from "@/db/schema";
import { redeliverWebhookAction } from "../actions";
import { RowButton } from "./row-button";

const columns: ColumnDef<WebhookDelivery, unknown>[] = [
  {
    accessorKey: "createdAt",
    header: "Sent",
    meta: { className: "hidden sm:table-cell" },
    cell: ({ row }) => <span className="whitespace-nowrap">{formatDateTime(row.original.createdAt)}</span>,
  },
  {
    accessorKey: "eventType",
    header: "Event",
    cell: ({ row }) => (
      <div className="sm:min-w-28">
        <p className="font-medium text-slate-900">{row.original.eventType}</p>
        <p className="font-mono text-xs break-all text-slate-600">{row.original.messageId}</p>
        {/* On a phone the time sits here, leaving the row's width to the outcome and Redeliver. */}
        <p className="mt-1 text-xs text-slate-600 sm:hidden">{formatDateTime(row.original.createdAt)}</p>
      </div>
    ),
  },
  { accessorKey: "attempt", header: "Attempt", meta: { className: "hidden sm:table-cell" } },
  {
    id: "outcome",
    header: "Outcome",
    cell: ({ row }) => (
      <div className="sm:min-w-32">
        <Badge tone={row.original.ok ? "green" : "red"}>{row.original.status ? `HTTP ${row.original.status}` : "No response"}</Badge>
        <p className="mt-1 text-xs break-all text-slate-600">{row.original.error ?? row.original.responseExcerpt}</p>
      </div>
    ),
  },
  { accessorKey: "latencyMs", header: "Latency", meta: { className: "hidden md:table-cell" }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.latencyMs} ms</span> },
  {
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) =>
      row.original.messageId.startsWith("test_") ? null : (
        <RowButton serverAction={redeliverWebhookAction} label="Redeliver" pendingLabel="Sending…" fields={{ deliveryId: String(row.original.id) }} />
      ),
  },
];

/** An endpoint's latest delivery attempts, each event redeliverable. */
export function DeliveryLog({ deliveries }: { deliveries: WebhookDelivery[] }) {
  return <DataTable columns={columns} data={deliveries} getRowId={(d) => String(d.id)} label="Delivery log" empty="Nothing sent yet." />;
}
