"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { ConfirmedRowAction } from "@/components/ui/row-action";
import { formatDateTime } from "@/components/ui/format";
import type { InvitationRow } from "@/lib/members/list-invitations";
import { revokeInvitationAction } from "../actions";
import type { RoleChoice } from "@/lib/members/role-descriptions";

function RevokeInvitation({ invitation }: { invitation: InvitationRow }) {
  return (
    <ConfirmedRowAction
      serverAction={revokeInvitationAction}
      label="Revoke"
      pendingLabel="Revoking…"
      title={`Revoke the invitation for ${invitation.email}?`}
      description="Its link stops working at once. You can invite the address again later."
      confirmLabel="Revoke invitation"
      fields={{ invitationId: invitation.id }}
    />
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
