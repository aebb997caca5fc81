"use client";

import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { FormState } from "@/lib/auth/form-action";
import type { TokenRow, TokenStatus } from "@/lib/tokens/list-tokens";

const statusBadges: Record<TokenStatus, React.ReactNode> = {
  active: <Badge tone="green">Active</Badge>,
  expired: <Badge tone="amber">Expired</Badge>,
  revoked: <Badge tone="gray">Revoked</Badge>,
};

export function TokenStatusBadge({ status }: { status: TokenStatus }) {
  return statusBadges[status];
}

/** Revoke behind a confirmation, wired to the feature's own server action. */
export function RevokeTokenButton({
  token,
  revoke,
  fields,
  description,
}: {
  token: TokenRow;
  revoke: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  description: React.ReactNode;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(revoke, {});
  const message = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <div className="flex items-center justify-end gap-2">
      {message ? <span className="text-xs text-red-600">{message}</span> : null}
      <ConfirmButton
        label={pending ? "Revoking…" : "Revoke"}
        title={`Revoke token …${token.hint}?`}
        description={description}
        confirmLabel="Revoke token"
        action={action}
        fields={fields}
        pending={pending}
        size="sm"
      />
    </div>
  );
}
