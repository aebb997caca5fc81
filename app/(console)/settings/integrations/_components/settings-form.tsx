"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField, TextField } from "@/components/ui/field";
import type { IntegrationSettings } from "@/db/schema";
import type { FormState } from "@/lib/auth/form-action";
import { updateSettingsAction } from "../actions";
import { settingDescriptions } from "./setting-descriptions";

export function SettingsForm({ integrationId, settings }: { integrationId: string; settings: IntegrationSettings }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateSettingsAction, {});
  const e = state.fieldErrors ?? {};
  // A refused form keeps what was typed; a saved one shows the stored settings again.
  const typed = state.values && !state.success ? state.values : null;
  const checked = (key: keyof IntegrationSettings) => (typed ? typed[key] === "on" : Boolean(settings[key]));
  return (
    <form action={action} noValidate className="space-y-5" key={`${state.success ?? ""}${JSON.stringify(typed)}`}>
      <input type="hidden" name="integrationId" value={integrationId} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
      <fieldset className="space-y-4">
        <legend className="sr-only">Identifiers and groups</legend>
        <CheckboxField label="Provision groups" name="groupsEnabled" defaultChecked={checked("groupsEnabled")} description={settingDescriptions.groupsEnabled} />
        <CheckboxField
          label="Lowercase identifiers"
          name="lowercaseIdentifiers"
          defaultChecked={checked("lowercaseIdentifiers")}
          description={settingDescriptions.lowercaseIdentifiers}
        />
        <CheckboxField
          label="Couple userName and primary email"
          name="coupleUserNameAndEmail"
          defaultChecked={checked("coupleUserNameAndEmail")}
          description={settingDescriptions.coupleUserNameAndEmail}
        />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Default region"
          name="defaultRegion"
          defaultValue={typed ? typed.defaultRegion : settings.defaultRegion}
          error={e.defaultRegion}
          hint={settingDescriptions.defaultRegion}
        />
        <SelectField label="Delete mode" name="deleteMode" defaultValue={typed ? typed.deleteMode : settings.deleteMode} error={e.deleteMode}>
          <option value="soft">Soft: keep as retained data</option>
          <option value="hard">Hard: remove the record</option>
        </SelectField>
        <SelectField
          label="People who already exist"
          name="matchExisting"
          defaultValue={typed ? typed.matchExisting : settings.matchExisting}
          error={e.matchExisting}
          hint={settingDescriptions.matchExisting}
        >
          <option value="refuse">Refuse (409)</option>
          <option value="takeOver">Take over</option>
        </SelectField>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
