"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/auth/form-action";
import { acceptAsSignedInAction } from "../actions";

export function AcceptButton({ token, tenantName }: { token: string; tenantName: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptAsSignedInAction, {});
  return (
    <form action={action} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : `Accept and open ${tenantName}`}
      </Button>
    </form>
  );
}
