"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { Provider } from "@/db/schema";
import type { FormState } from "@/lib/auth/form-action";
import { installIntegrationAction } from "../actions";
import { integrationPage, useSecretHandoff } from "./secret-handoff";

/**
 * Proxyclick's install step: choose User Provisioning, optionally name the integration, then
 * Start integration. Only then is the integration created with its first token, whose secret
 * is carried in memory to the integration's page and shown there once.
 */
export function StartIntegrationForm({ provider, label }: { provider: Provider; label: string }) {
  const router = useRouter();
  const { handOff } = useSecretHandoff();
  const [state, action, pending] = useActionState<FormState, FormData>(installIntegrationAction, {});
  const reveal = state.reveal;
  useEffect(() => {
    if (reveal?.integrationId && reveal.secret) {
      handOff({ integrationId: reveal.integrationId, secret: reveal.secret });
      router.push(integrationPage(reveal.integrationId));
    }
  }, [reveal, handOff, router]);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="provider" value={provider} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">What to install</legend>
        <label className="mt-2 flex cursor-pointer items-start gap-3 rounded-lg p-4 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600">
          <input type="radio" name="feature" value="provisioning" required defaultChecked={state.values?.feature === "provisioning"} className="mt-0.5 h-4 w-4 accent-brand-600" />
          <span>
            <span className="block text-sm font-semibold text-slate-900">User Provisioning</span>
            <span className="block text-sm text-slate-600">
              {label} creates, updates and deactivates people (and, when groups are on, roles) here, with a Tenant URL and a Secret Token.
            </span>
          </span>
        </label>
      </fieldset>
      <TextField
        label="Name (optional)"
        name="name"
        defaultValue={state.values?.name}
        error={e.name}
        placeholder={label}
        maxLength={120}
        hint="Tells this integration apart in every list, e.g. “Entra production”. Empty: the app’s name."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Start integration"}
      </Button>
    </form>
  );
}
