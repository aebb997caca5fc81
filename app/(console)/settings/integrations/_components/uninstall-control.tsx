"use client";

import { useActionState } from "react";
import { ActionDialog } from "@/components/ui/action-dialog";
import type { FormState } from "@/lib/auth/form-action";
import { uninstallIntegrationAction } from "../actions";

const choices = [
  { value: "keep", label: "Keep them", description: "They stay as they are, managed by no integration; support can still deactivate or delete them." },
  { value: "deactivate", label: "Deactivate them", description: "They are kept with their data, inactive; History records why." },
  { value: "delete", label: "Delete them permanently", description: "Their personal data is removed everywhere; History keeps a tombstone. This cannot be undone." },
] as const;

/**
 * Uninstall behind a dialog that asks what becomes of the people the integration provisioned,
 * and for its name typed out, since tokens, settings and request log go with it.
 */
export function UninstallControl({ integration, people }: { integration: { id: string; name: string }; people: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(uninstallIntegrationAction, {});
  const e = state.fieldErrors ?? {};
  const who = people === 1 ? "the 1 person" : `the ${people.toLocaleString("en")} people`;
  return (
    <ActionDialog
      label="Uninstall…"
      title={`Uninstall ${integration.name}?`}
      description={
        <p>
          Its tokens stop working at once, and its settings and request log are removed. Roles it provisioned stay, managed by no integration.
        </p>
      }
      confirmLabel="Uninstall"
      tone="danger"
      state={state}
      action={action}
      pending={pending}
      fields={{ integrationId: integration.id }}
    >
      <fieldset aria-describedby={e.people ? "uninstall-people-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">What happens to {who} it provisioned?</legend>
        <div className="mt-2 space-y-2">
          {choices.map((choice) => (
            <label key={choice.value} className="flex cursor-pointer items-start gap-3 rounded-md p-3 ring-1 ring-slate-200 has-checked:bg-slate-50 has-checked:ring-2 has-checked:ring-brand-600">
              <input type="radio" name="people" value={choice.value} required defaultChecked={state.values?.people === choice.value} className="mt-0.5 h-4 w-4 accent-brand-600" />
              <span className="text-sm">
                <span className="block font-semibold text-slate-900">{choice.label}</span>
                <span className="block text-slate-600">{choice.description}</span>
              </span>
            </label>
          ))}
        </div>
        {e.people ? (
          <p id="uninstall-people-error" className="mt-1.5 text-sm text-red-600">
            {e.people}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor="uninstall-confirm" className="block text-sm font-medium text-slate-800">
          Type <span className="font-semibold">{integration.name}</span> to confirm
        </label>
        <input
          id="uninstall-confirm"
          name="confirmName"
          required
          autoComplete="off"
          defaultValue={state.values?.confirmName}
          aria-invalid={e.confirmName ? true : undefined}
          aria-describedby={e.confirmName ? "uninstall-confirm-error" : undefined}
          className="mt-1.5 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none"
        />
        {e.confirmName ? (
          <p id="uninstall-confirm-error" className="mt-1.5 text-sm text-red-600">
            {e.confirmName}
          </p>
        ) : null}
      </div>
    </ActionDialog>
  );
}
