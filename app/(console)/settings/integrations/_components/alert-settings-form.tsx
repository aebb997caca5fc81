"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import { setAlertSettingsAction } from "../health-actions";

type Props = { integration: { id: string; notificationEmail: string | null; massChangeThreshold: number | null; pauseOnMassChange: boolean } };

/** Where alerts are emailed, and the mass-change guard (like Entra's accidental-deletion threshold). */
export function AlertSettingsForm({ integration }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(setAlertSettingsAction, {});
  const e = state.fieldErrors ?? {};
  const typed = state.values && !state.success ? state.values : null;
  return (
    <form action={action} noValidate className="space-y-4" key={`${state.success ?? ""}${JSON.stringify(typed)}`}>
      <input type="hidden" name="integrationId" value={integration.id} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Notification email"
          name="notificationEmail"
          type="email"
          placeholder="Nobody"
          defaultValue={typed ? typed.notificationEmail : (integration.notificationEmail ?? "")}
          error={e.notificationEmail}
          hint="Gets one email each time this integration enters a bad state."
        />
        <TextField
          label="Mass-change threshold"
          name="massChangeThreshold"
          inputMode="numeric"
          placeholder="Off"
          defaultValue={typed ? typed.massChangeThreshold : (integration.massChangeThreshold?.toString() ?? "")}
          error={e.massChangeThreshold}
          hint="More deactivations plus deletions than this within an hour raise an alert. Empty: off."
        />
      </div>
      <CheckboxField
        label="Pause deactivations and deletions until an admin confirms"
        name="pauseOnMassChange"
        defaultChecked={typed ? typed.pauseOnMassChange === "on" : integration.pauseOnMassChange}
        description="Past the threshold, DELETE and deactivating PATCH or PUT requests are answered 409 with the reason; your identity provider retries them after you confirm here."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save alert settings"}
      </Button>
    </form>
  );
}
