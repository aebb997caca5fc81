"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import type { RetentionPolicy } from "@/lib/integrations/set-retention-policy";
import { setRetentionPolicyAction } from "../actions";
import { retentionDescriptions } from "./retention-descriptions";

export function RetentionForm({ integrationId, policy }: { integrationId: string; policy: RetentionPolicy }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setRetentionPolicyAction, {});
  const e = state.fieldErrors ?? {};
  // A refused form keeps what was typed; a saved one shows the stored policy again.
  const typed = state.values && !state.success ? state.values : null;
  const shown = (key: keyof RetentionPolicy) => (typed ? typed[key] : (policy[key]?.toString() ?? ""));
  return (
    <form action={action} noValidate className="space-y-5" key={`${state.success ?? ""}${JSON.stringify(typed)}`}>
      <input type="hidden" name="integrationId" value={integrationId} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Days after deletion"
          name="purgeDaysAfterDeletion"
          inputMode="numeric"
          placeholder="Never"
          defaultValue={shown("purgeDaysAfterDeletion")}
          error={e.purgeDaysAfterDeletion}
          hint={retentionDescriptions.purgeDaysAfterDeletion}
        />
        <TextField
          label="Days after deactivation"
          name="purgeDaysAfterDeactivation"
          inputMode="numeric"
          placeholder="Never"
          defaultValue={shown("purgeDaysAfterDeactivation")}
          error={e.purgeDaysAfterDeactivation}
          hint={retentionDescriptions.purgeDaysAfterDeactivation}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save retention policy"}
      </Button>
    </form>
  );
}
