"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import { acceptWithNewAccountAction } from "../actions";

export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptWithNewAccountAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right address. */}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <TextField label="Your name" name="name" defaultValue={state.values?.name} error={e.name} autoComplete="name" autoFocus required />
      <TextField
        label="Password"
        name="password"
        type="password"
        error={e.password}
        hint="At least 12 characters; a few words you will remember make a good one."
        autoComplete="new-password"
        required
      />
      <TextField label="Password again" name="confirm" type="password" error={e.confirm} autoComplete="new-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Create account and join"}
      </Button>
    </form>
  );
}
