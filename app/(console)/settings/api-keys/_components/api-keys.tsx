"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useActionState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { credentialDateColumns } from "@/components/tokens/credential-date-columns";
import { OnceSecret } from "@/components/ui/once-secret";
import { ConfirmedRowAction } from "@/components/ui/row-action";
import type { ApiKeyRow } from "@/lib/api-keys/list-api-keys";
import type { FormState } from "@/lib/auth/form-action";
import { createApiKeyAction, revokeApiKeyAction } from "../actions";

const columns: ColumnDef<ApiKeyRow, unknown>[] = [
  {
    accessorKey: "description",
    header: "Key",
    cell: ({ row }) => (
      <div className="min-w-32">
        <p className="font-medium text-slate-900">{row.original.description}</p>
        <p className="text-xs text-slate-600">
          Ends in <code className="font-mono whitespace-nowrap">…{row.original.hint}</code>
        </p>
      </div>
    ),
  },
  ...credentialDateColumns<ApiKeyRow>(),
  { id: "status", header: "Status", cell: ({ row }) => (row.original.revokedAt ? <Badge tone="gray">Revoked</Badge> : <Badge tone="green">Active</Badge>) },
  {
    id: "actions",
    header: () => <span className="relative"><span className="sr-only">Actions</span></span>,
    cell: ({ row }) =>
      row.original.revokedAt ? null : (
        <ConfirmedRowAction
          serverAction={revokeApiKeyAction}
          label="Revoke"
          pendingLabel="Revoking…"
          title={`Revoke API key …${row.original.hint}?`}
          description="Requests with this key will be refused with 401 from now on. This cannot be undone."
          confirmLabel="Revoke key"
          fields={{ apiKeyId: row.original.id }}
        />
      ),
  },
];

/** Settings > API keys: create (shown once), list with last use, revoke. */
export function ApiKeys({ keys }: { keys: ApiKeyRow[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createApiKeyAction, {});
  const e = state.fieldErrors ?? {};
  const v = state.success ? {} : (state.values ?? {});
  return (
    <div className="space-y-4">
      {state.reveal?.secret ? (
        <OnceSecret
          title={state.success ?? "New API key"}
          label="API key"
          secret={state.reveal.secret}
          note="Copy it now and store it with your application. It won’t be shown again: only a hash is kept, so if you lose it, create a new key."
        >
          Send it as <code className="rounded bg-white/70 px-1 font-mono">Authorization: Bearer …</code> to{" "}
          <code className="rounded bg-white/70 px-1 font-mono">/api/v1</code> (events, people, roles).
        </OnceSecret>
      ) : null}
      <form action={action} noValidate className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200" key={`${state.success ?? ""}${JSON.stringify(v)}`}>
        {state.error ? <Alert>{state.error}</Alert> : null}
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <TextField label="Description" name="description" defaultValue={v.description} error={e.description} placeholder="e.g. Session revoker (production)" maxLength={120} />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create API key"}
          </Button>
        </div>
      </form>
      <DataTable columns={columns} data={keys} getRowId={(k) => k.id} label="API keys" empty="No API keys yet." />
    </div>
  );
}
