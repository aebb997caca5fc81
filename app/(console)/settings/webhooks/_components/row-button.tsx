"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/auth/form-action";

/** A row's immediate action (send a test event, redeliver, enable), its outcome beside it. */
export function RowButton({
  serverAction,
  label,
  pendingLabel,
  fields,
}: {
  serverAction: (previous: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  pendingLabel: string;
  fields: Record<string, string>;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(serverAction, {});
  const error = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {error ? <span className="text-xs text-red-600">{error}</span> : state.success ? <span className="text-xs text-green-700">{state.success}</span> : null}
      <Button type="submit" variant="secondary" className="px-2.5 py-1 text-xs" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </form>
  );
}
