"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { FormState } from "@/lib/auth/form-action";
import { confirmMassChangeAction } from "../health-actions";

/**
 * An admin confirms the mass change the guard stopped: the pause lifts and counting restarts.
 * Mounted whether or not a mass change is pending, so the confirmation's answer stays on screen
 * after the page refreshes without the guard's warning.
 */
export function ConfirmMassChange({ integration, massChange }: { integration: { id: string; name: string }; massChange: "paused" | "tripped" | null }) {
  const [state, action, pending] = useActionState<FormState, FormData>(confirmMassChangeAction, {});
  if (!massChange && !state.error && !state.success) return null;
  const paused = massChange === "paused";
  return (
    <div className="space-y-2">
      {massChange ? (
        <ConfirmButton
          label={pending ? "Confirming…" : paused ? "Confirm and resume deletions" : "Confirm the mass change"}
          title={`Confirm ${integration.name}'s mass change?`}
          description={
            paused
              ? "The paused deactivations and deletions go through as your identity provider retries them, and the guard counts from now on."
              : "The alert clears and the guard counts from now on."
          }
          confirmLabel="Confirm"
          tone="primary"
          action={action}
          fields={{ integrationId: integration.id }}
          pending={pending}
        />
      ) : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
    </div>
  );
}
