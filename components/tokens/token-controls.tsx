"use client";

import { Badge } from "@/components/ui/badge";
import { ConfirmedRowAction } from "@/components/ui/row-action";
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
  return (
    <ConfirmedRowAction
      serverAction={revoke}
      label="Revoke"
      pendingLabel="Revoking…"
      title={`Revoke token …${token.hint}?`}
      description={description}
      confirmLabel="Revoke token"
      fields={fields}
    />
  );
}
