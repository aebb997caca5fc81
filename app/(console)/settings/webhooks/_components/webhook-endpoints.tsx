"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useActionState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { OnceSecret } from "@/components/ui/once-secret";
import { ConfirmedRowAction } from "@/components/ui/row-action";
import type { FormState } from "@/lib/auth/form-action";
import type { WebhookEndpointRow } from "@/lib/webhooks/list-webhook-endpoints";
import { createWebhookAction, deleteWebhookAction, enableWebhookAction, sendTestWebhookAction } from "../actions";
import { RowButton } from "./row-button";

export function EndpointState({ endpoint }: { endpoint: Pick<WebhookEndpointRow, "enabled" | "failingSince"> }) {
  if (!endpoint.enabled) return <Badge tone="red">Disabled</Badge>;
  return endpoint.failingSince ? <Badge tone="amber">Failing, retrying</Badge> : <Badge tone="green">Enabled</Badge>;
}

const columns: ColumnDef<WebhookEndpointRow, unknown>[] = [
  {
    accessorKey: "url",
    header: "Endpoint",
    cell: ({ row }) => (
      <div className="min-w-32 break-all">
        <Link href={`/settings/webhooks/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {row.original.url}
        </Link>
        <p className="text-xs text-slate-600">{row.original.eventTypes?.join(", ") ?? "All events"}</p>
        {/* On a phone the state sits under the URL, leaving the row's width to its actions. */}
        <div className="mt-1 sm:hidden">
          <EndpointState endpoint={row.original} />
        </div>
      </div>
    ),
  },
  { id: "state", header: "State", meta: { className: "hidden sm:table-cell" }, cell: ({ row }) => <EndpointState endpoint={row.original} /> },
  { accessorKey: "createdAt", header: "Created", meta: { className: "hidden md:table-cell" }, cell: ({ row }) => <span className="whitespace-nowrap">{formatDateTime(row.original.createdAt)}</span> },
  {
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <div className="flex flex-wrap items-center justify-end gap-2">
        {row.original.enabled ? null : <RowButton serverAction={enableWebhookAction} label="Enable" pendingLabel="Enabling…" fields={{ endpointId: row.original.id }} />}
        <RowButton serverAction={sendTestWebhookAction} label="Send test event" pendingLabel="Sending…" fields={{ endpointId: row.original.id }} />
        <ConfirmedRowAction
          serverAction={deleteWebhookAction}
          label="Delete"
          pendingLabel="Deleting…"
          title={`Delete ${row.original.url}?`}
          description="No more events are sent to it, and its delivery log is deleted. This cannot be undone."
          confirmLabel="Delete endpoint"
          fields={{ endpointId: row.original.id }}
        />
      </div>
    ),
  },
];

/** Settings > Webhooks: add (secret shown once), list with state, send a test event, enable, delete. */
export function WebhookEndpoints({ endpoints }: { endpoints: WebhookEndpointRow[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createWebhookAction, {});
  const e = state.fieldErrors ?? {};
  const v = state.success ? {} : (state.values ?? {});
  return (
    <div className="space-y-4">
      {state.reveal?.secret ? (
        <OnceSecret
          title={state.success ?? "New endpoint"}
          label="Signing secret"
          secret={state.reveal.secret}
          note="Copy it now into your receiver's configuration. It won’t be shown again here; if you lose it, delete the endpoint and add it again."
        >
          Verify each request&apos;s <code className="rounded bg-white/70 px-1 font-mono">webhook-signature</code> with any Standard Webhooks library.
        </OnceSecret>
      ) : null}
      <form action={action} noValidate className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200" key={`${state.success ?? ""}${JSON.stringify(v)}`}>
        {state.error ? <Alert>{state.error}</Alert> : null}
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-[2]">
            <TextField label="URL" name="url" type="url" defaultValue={v.url} error={e.url} placeholder="https://app.example.com/hooks/scim" maxLength={2000} />
          </div>
          <div className="min-w-64 flex-1">
            <TextField label="Event types" name="eventTypes" defaultValue={v.eventTypes} error={e.eventTypes} hint="Comma-separated; empty for all." placeholder="person.deactivated, person.deleted" />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add endpoint"}
          </Button>
        </div>
      </form>
      <DataTable columns={columns} data={endpoints} getRowId={(endpoint) => endpoint.id} label="Webhook endpoints" empty="No webhook endpoints yet." />
    </div>
  );
}
