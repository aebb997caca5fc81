"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { Integration } from "@/db/schema";
import type { FormState } from "@/lib/auth/form-action";
import { setStatusAction } from "../actions";

/** Disable (every token then gets 401, nothing provisioned changes) or enable again, after asking. */
export function StatusControl({ integration }: { integration: Pick<Integration, "id" | "name" | "status"> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setStatusAction, {});
  const message = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  const disabling = integration.status === "active";
  return (
    <div className="space-y-2">
      <ConfirmButton
        label={pending ? (disabling ? "Disabling…" : "Enabling…") : disabling ? "Disable integration" : "Enable integration"}
        title={disabling ? `Disable ${integration.name}?` : `Enable ${integration.name}?`}
        description={
          disabling
            ? "Every request with its tokens will be refused with 401 until you enable it again. People and groups it provisioned stay as they are."
            : "Its live tokens will be accepted again, and the identity provider can resume provisioning."
        }
        confirmLabel={disabling ? "Disable" : "Enable"}
        tone={disabling ? "danger" : "primary"}
        action={action}
        fields={{ integrationId: integration.id, status: disabling ? "disabled" : "active" }}
        pending={pending}
      />
      {message ? <p className="text-sm text-red-600">{message}</p> : null}
    </div>
  );
}
