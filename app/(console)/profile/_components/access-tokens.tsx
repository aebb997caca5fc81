"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useActionState, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { credentialDateColumns } from "@/components/tokens/credential-date-columns";
import { OnceSecret } from "@/components/ui/once-secret";
import type { FormState } from "@/lib/auth/form-action";
import { RevokeTokenButton, TokenStatusBadge } from "@/components/tokens/token-controls";
import type { TokenRow } from "@/lib/tokens/list-tokens";
import { createAccessTokenAction, revokeAccessTokenAction } from "../actions";

function RevokeToken({ token }: { token: TokenRow }) {
  return (
    <RevokeTokenButton
      token={token}
      revoke={revokeAccessTokenAction}
      fields={{ tokenId: token.id }}
      description={<>Requests to {token.integrationName} with this token will be refused with 401 from now on. This cannot be undone.</>}
    />
  );
}

const columns: ColumnDef<TokenRow, unknown>[] = [
  {
    accessorKey: "description",
    header: "Token",
    cell: ({ row }) => (
      <div className="min-w-32">
        <p className="font-medium text-slate-900">{row.original.description || "—"}</p>
        <p className="text-xs text-slate-600">
          {row.original.integrationName} · Scope {row.original.scope} · Ends in <code className="font-mono whitespace-nowrap">…{row.original.hint}</code>
        </p>
      </div>
    ),
  },
  // The hint sits under the description rather than in a column of its own, and dates are
  // left out on a phone, so the row's Revoke stays on screen.
  ...credentialDateColumns<TokenRow>(),
  { accessorKey: "status", header: "Status", cell: ({ row }) => <TokenStatusBadge status={row.original.status} /> },
  {
    id: "actions",
    // sr-only is absolutely positioned: anchored here, it stays inside the table's scroll box.
    header: () => <span className="relative"><span className="sr-only">Actions</span></span>,
    cell: ({ row }) => (row.original.status === "active" ? <RevokeToken token={row.original} /> : null),
  },
];

function CreateTokenForm({ integrations, onCancel, action, state, pending }: {
  integrations: { id: string; name: string }[];
  onCancel: () => void;
  action: (formData: FormData) => void;
  state: FormState;
  pending: boolean;
}) {
  const e = state.fieldErrors ?? {};
  const v = state.success ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200" key={JSON.stringify(v)}>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Description" name="description" defaultValue={v.description} error={e.description} placeholder="e.g. Entra production" maxLength={120} />
        <SelectField label="Scope" name="scope" defaultValue="SCIM" error={e.scope}>
          <option value="SCIM">SCIM</option>
        </SelectField>
        <SelectField label="Integration" name="integrationId" defaultValue={v.integrationId ?? integrations[0]?.id} error={e.integrationId}>
          {integrations.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save token"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** My Profile > Access Tokens: SCIM tokens this admin created in the current tenant. */
export function AccessTokens({ tokens, integrations }: { tokens: TokenRow[]; integrations: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createAccessTokenAction, {});
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(state);
  // A saved token closes the form; its secret stays on screen until the page is left.
  if (state !== shown) {
    setShown(state);
    if (state.success) setOpen(false);
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">Tokens you created for this tenant’s integrations. Each secret is shown once.</p>
        {open ? null : (
          <Button type="button" onClick={() => setOpen(true)} disabled={integrations.length === 0}>
            Create Token
          </Button>
        )}
      </div>
      {integrations.length === 0 ? (
        <Alert tone="info">
          Tokens belong to an integration. <Link href="/settings/integrations/marketplace" className="font-semibold underline">Install one from the marketplace</Link> first.
        </Alert>
      ) : null}
      {state.reveal?.secret ? (
        <OnceSecret title={state.success ?? "New token"} label="access token" secret={state.reveal.secret}>
          Paste it into <strong>Secret Token</strong> under Admin Credentials in your identity provider, with the integration’s Tenant URL,
          or use it alone with <code className="rounded bg-white/70 px-1 font-mono">/api/scim/v2</code>.
        </OnceSecret>
      ) : null}
      {open ? <CreateTokenForm integrations={integrations} onCancel={() => setOpen(false)} action={action} state={state} pending={pending} /> : null}
      <DataTable columns={columns} data={tokens} getRowId={(t) => t.id} label="Access tokens" empty="You have not created any tokens in this tenant." />
    </div>
  );
}
