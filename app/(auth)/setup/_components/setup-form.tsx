"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import { completeSetup } from "../actions";

export function SetupForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(completeSetup, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <TextField label="Organisation name" name="organisation" defaultValue={v.organisation} error={e.organisation} autoComplete="organization" required />
      <TextField label="Your name" name="name" defaultValue={v.name} error={e.name} autoComplete="name" required />
      <TextField label="Work email" name="email" type="email" defaultValue={v.email} error={e.email} autoComplete="email" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        error={e.password}
        hint="At least 12 characters. A passphrase is best."
        autoComplete="new-password"
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create organisation and sign in"}
      </Button>
    </form>
  );
}
