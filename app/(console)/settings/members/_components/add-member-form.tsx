"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
import { addMemberAction } from "../actions";

export function AddMemberForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(addMemberAction, {});
  const e = state.fieldErrors ?? {};
  const v = state.success ? {} : (state.values ?? {});
  return (
    // React resets a form after its action; remounting with the returned values keeps the select's choice.
    <form action={action} className="space-y-4" noValidate key={`${state.success ?? ""}${JSON.stringify(v)}`}>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" defaultValue={v.name} error={e.name} required />
        <TextField label="Email" name="email" type="email" defaultValue={v.email} error={e.email} required />
        <SelectField label="Role" name="role" defaultValue={v.role ?? "viewer"} error={e.role}>
          <option value="admin">Admin: everything</option>
          <option value="support">Support: deactivate, reactivate, delete people</option>
          <option value="viewer">Viewer: read-only</option>
        </SelectField>
        <TextField
          label="Initial password"
          name="password"
          type="password"
          error={e.password}
          hint="Needed only for someone without an account yet."
          autoComplete="new-password"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add member"}
      </Button>
    </form>
  );
}
