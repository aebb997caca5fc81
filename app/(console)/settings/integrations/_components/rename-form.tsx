"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import { renameIntegrationAction } from "../actions";

/** The integration's name, as every list shows it ("Entra production"). */
export function RenameForm({ integrationId, name }: { integrationId: string; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(renameIntegrationAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="integrationId" value={integrationId} />
      <TextField
        label="Name"
        name="name"
        defaultValue={state.values?.name ?? name}
        key={name}
        error={state.fieldErrors?.name ?? state.error}
        maxLength={120}
        required
        hint="Shown in every list: integrations, people, activity, History."
      />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save name"}
        </Button>
        {state.success ? (
          <p role="status" className="text-sm text-emerald-800">
            {state.success}
          </p>
        ) : null}
      </div>
    </form>
  );
}
