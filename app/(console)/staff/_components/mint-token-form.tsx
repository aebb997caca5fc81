"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { OnceSecret } from "@/components/ui/once-secret";
import type { FormState } from "@/lib/auth/form-action";
import { mintTokenAction } from "../actions";

/**
 * Mints a provisioning token for one of the tenant's integrations when the tenant asked
 * support for one. The reason (the ticket) is required; the secret is shown once, here,
 * like an admin's new token, and is gone on the next page or reload.
 */
export function MintTokenForm({ integrations }: { integrations: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(mintTokenAction, {});
  const e = state.fieldErrors ?? {};
  const v = state.success ? {} : (state.values ?? {});
  return (
    <div className="space-y-4">
      {state.reveal?.secret ? (
        <OnceSecret
          title={state.success ?? "New token"}
          label="new secret token"
          secret={state.reveal.secret}
          note="Copy it now: it won’t be shown again, only a hash is kept. If it is lost, mint another and have the tenant revoke this one."
        >
          Hand it to the tenant’s admin as the ticket asked, with the Tenant URL{" "}
          <code className="rounded bg-white/70 px-1 font-mono break-all">{state.reveal.tenantUrl}</code>
          {state.reveal.provider === "okta" ? (
            <>
              {" "}
              and the app key <code className="rounded bg-white/70 px-1 font-mono">{state.reveal.appKey}</code>
            </>
          ) : null}
          .
        </OnceSecret>
      ) : null}
      <form action={action} noValidate className="space-y-4" key={`${state.success ?? ""}${JSON.stringify(v)}`}>
        {state.error ? <Alert>{state.error}</Alert> : null}
        <SelectField label="Integration" name="integrationId" defaultValue={v.integrationId ?? integrations[0]?.id} error={e.integrationId}>
          {integrations.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Reason"
          name="reason"
          defaultValue={v.reason}
          error={e.reason}
          placeholder="e.g. Ticket 4711: new Entra setup"
          maxLength={500}
          hint="Required. Written, with your name, to the tenant’s audit log."
        />
        <TextField
          label="Description (optional)"
          name="description"
          defaultValue={v.description}
          error={e.description}
          placeholder="Minted by platform staff on request"
          maxLength={120}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Minting…" : "Mint token"}
        </Button>
      </form>
    </div>
  );
}
