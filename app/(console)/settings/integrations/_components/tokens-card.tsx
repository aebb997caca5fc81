"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useActionState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { credentialDateColumns } from "@/components/tokens/credential-date-columns";
import { OnceSecret } from "@/components/ui/once-secret";
import type { Provider } from "@/db/schema";
import type { FormState } from "@/lib/auth/form-action";
import { RevokeTokenButton, TokenStatusBadge } from "@/components/tokens/token-controls";
import type { TokenRow } from "@/lib/tokens/list-tokens";
import { createTokenAction, revokeTokenAction } from "../actions";
import { PasteHint } from "./paste-hint";

function RevokeToken({ token }: { token: TokenRow }) {
  return (
    <RevokeTokenButton
      token={token}
      revoke={revokeTokenAction}
      fields={{ integrationId: token.integrationId, tokenId: token.id }}
      description={
        <>
          Requests with this token will be refused with 401 from now on.{" "}
          {token.description ? <>It is described as “{token.description}”. </> : null}This cannot be undone.
        </>
      }
    />
  );
}

/** What a token's description might say, in the words of the integration's own provider. */
const descriptionExamples: Record<Provider, string> = {
  entra: "e.g. Entra production",
  okta: "e.g. Okta production",
  generic: "e.g. Nightly sync script",
};

function columns(canManage: boolean): ColumnDef<TokenRow, unknown>[] {
  const base: ColumnDef<TokenRow, unknown>[] = [
    {
      accessorKey: "description",
      header: "Token",
      // The hint sits under the description rather than in a column of its own, so on a phone
      // the row's Revoke stays on screen.
      cell: ({ row }) => (
        <>
          <span className="font-medium text-slate-900">{row.original.description || "—"}</span>
          <span className="block text-xs text-slate-600">
            Ends in <code className="font-mono whitespace-nowrap">…{row.original.hint}</code>
          </span>
        </>
      ),
    },
    ...credentialDateColumns<TokenRow>(),
    {
      accessorKey: "expiresAt",
      header: "Expires",
      meta: { className: "hidden lg:table-cell" },
      cell: ({ row }) => <span className="whitespace-nowrap">{row.original.expiresAt ? formatDateTime(row.original.expiresAt) : "Never"}</span>,
    },
    { accessorKey: "status", header: "Status", cell: ({ row }) => <TokenStatusBadge status={row.original.status} /> },
  ];
  if (!canManage) return base;
  return [
    ...base,
    {
      id: "actions",
      // sr-only is absolutely positioned: anchored here, it stays inside the table's scroll box.
      header: () => <span className="relative"><span className="sr-only">Actions</span></span>,
      cell: ({ row }) => (row.original.status === "active" ? <RevokeToken token={row.original} /> : null),
    },
  ];
}

function GenerateToken({ integrationId, provider }: { integrationId: string; provider: Provider }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createTokenAction, {});
  const e = state.fieldErrors ?? {};
  const v = state.success ? {} : (state.values ?? {});
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-4">
      {state.reveal?.secret ? (
        <OnceSecret title={state.success ?? "New token"} label="new secret token" secret={state.reveal.secret}>
          <PasteHint provider={provider} />
        </OnceSecret>
      ) : null}
      <form action={action} noValidate className="space-y-4" key={`${state.success ?? ""}${JSON.stringify(v)}`}>
        <input type="hidden" name="integrationId" value={integrationId} />
        {state.error ? <Alert>{state.error}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <TextField
            label="Description"
            name="description"
            defaultValue={v.description}
            error={e.description}
            placeholder={descriptionExamples[provider]}
            maxLength={120}
          />
          <TextField
            label="Expires on (optional)"
            name="expiresAt"
            type="date"
            min={today}
            defaultValue={v.expiresAt}
            error={e.expiresAt}
            hint="Empty: never expires."
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Generating…" : "Generate new token"}
        </Button>
      </form>
    </div>
  );
}

/** The integration's tokens, and for admins: revoke one, generate a new one (shown once). */
export function TokensCard({
  integrationId,
  provider,
  tokens,
  canManage,
}: {
  integrationId: string;
  provider: Provider;
  tokens: TokenRow[];
  canManage: boolean;
}) {
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" className="text-base font-semibold text-slate-900">
        Secret tokens
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">
        Each secret is shown once, when it is created; only its last six characters are kept to recognise it.
      </p>
      <DataTable columns={columns(canManage)} data={tokens} getRowId={(t) => t.id} label="Secret tokens" empty="No tokens yet." />
      {canManage ? (
        <div className="mt-6 border-t border-slate-100 pt-6">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">Generate new token</h3>
          <GenerateToken integrationId={integrationId} provider={provider} />
        </div>
      ) : null}
    </section>
  );
}
