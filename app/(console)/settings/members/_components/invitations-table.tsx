"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useActionState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime } from "@/components/ui/format";
import type { FormState } from "@/lib/auth/form-action";
import type { InvitationRow } from "@/lib/members/list-invitations";
import { revokeInvitationAction } from "../actions";
import type { RoleChoice } from "@/lib/members/role-descriptions";

function RevokeInvitation({ invitation }: { invitation: InvitationRow }) {
  const [state, action, pending] = useActionState<FormState, FormData>(revokeInvitationAction, {});
  const message = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <div className="flex items-center justify-end gap-2">
      {message ? <span className="text-xs text-red-600">{message}</span> : null}
      <ConfirmButton
        label={pending ? "Revoking…" : "Revoke"}
        title={`Revoke the invitation for ${invitation.email}?`}
        description="Its link stops working at once. You can invite the address again later."
        confirmLabel="Revoke invitation"
        action={action}
        fields={{ invitationId: invitation.id }}
        pending={pending}
        size="sm"
      />
    </div>
  );
}

function columns(roles: RoleChoice[]): ColumnDef<InvitationRow, unknown>[] {
  return [
  { accessorKey: "email", header: "Email", cell: ({ row }) => <span className="font-medium text-slate-900">{row.original.email}</span> },
  { accessorKey: "role", header: "Role", cell: ({ row }) => roles.find((r) => r.value === row.original.role)?.label },
  { accessorKey: "invitedBy", header: "Invited by", cell: ({ row }) => row.original.invitedBy ?? "admin CLI" },
  { accessorKey: "createdAt", header: "Invited", cell: ({ row }) => <span className="whitespace-nowrap">{formatDateTime(row.original.createdAt)}</span> },
  { accessorKey: "expiresAt", header: "Expires", cell: ({ row }) => <span className="whitespace-nowrap">{formatDateTime(row.original.expiresAt)}</span> },
  {
    id: "actions",
    header: () => <span className="relative"><span className="sr-only">Actions</span></span>,
    enableSorting: false,
    cell: ({ row }) => <RevokeInvitation invitation={row.original} />,
  },
  ];
}

export function InvitationsTable({ invitations, roles }: { invitations: InvitationRow[]; roles: RoleChoice[] }) {
  return (
    <DataTable
      columns={columns(roles)}
      data={invitations}
      getRowId={(i) => i.id}
      label="Pending invitations"
      empty="No pending invitations."
    />
  );
}
