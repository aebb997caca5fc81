"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { OnceSecret } from "@/components/ui/once-secret";
import type { FormState } from "@/lib/auth/form-action";
import { inviteMemberAction } from "../actions";
import type { RoleChoice } from "@/lib/members/role-descriptions";

export function InviteMemberForm({ roles }: { roles: RoleChoice[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(inviteMemberAction, {});
  const e = state.fieldErrors ?? {};
  const v = state.success ? {} : (state.values ?? {});
  return (
    <div className="space-y-5">
      {state.reveal?.link ? (
        <OnceSecret
          title={state.success ?? "Invitation created"}
          label="invitation link"
          secret={state.reveal.link}
          note={
            <>
              Pass this link on to the person you invited. It works once, until {formatDateTime(state.reveal.expiresAt)}, for
              that address only. It won’t be shown again: if it is lost, invite them again.
            </>
          }
        />
      ) : null}
      {/* React resets a form after its action; remounting with the returned values keeps the select's choice. */}
      <form action={action} className="space-y-4" noValidate key={`${state.success ?? ""}${JSON.stringify(v)}`}>
        {state.error ? <Alert>{state.error}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Email" name="email" type="email" defaultValue={v.email} error={e.email} autoComplete="off" required />
          <SelectField label="Role" name="role" defaultValue={v.role ?? "viewer"} error={e.role}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}: {r.can}
              </option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Invite member"}
        </Button>
      </form>
    </div>
  );
}
