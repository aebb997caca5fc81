"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { ConfirmButton } from "./confirm-button";

/**
 * A table row's small action behind a confirmation (revoke a token, an invitation), wired to
 * its server action; a refusal shows beside the button.
 */
export function ConfirmedRowAction({
  serverAction,
  label,
  pendingLabel,
  ...dialog
}: {
  serverAction: (previous: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  pendingLabel: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  fields: Record<string, string>;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(serverAction, {});
  const message = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <div className="flex items-center justify-end gap-2">
      {message ? <span className="text-xs text-red-600">{message}</span> : null}
      <ConfirmButton {...dialog} label={pending ? pendingLabel : label} action={action} pending={pending} size="sm" />
    </div>
  );
}
