"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate key={state.success}>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
      <TextField label="Current password" name="currentPassword" type="password" error={e.currentPassword} autoComplete="current-password" />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        error={e.newPassword}
        hint="At least 12 characters, and not a common one. Your other sessions will be signed out."
        autoComplete="new-password"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
