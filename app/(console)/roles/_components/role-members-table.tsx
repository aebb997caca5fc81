"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { EmailCell, PersonNameCell } from "@/components/people/person-cells";
import { formatDateTime } from "@/components/ui/format";
import { PersonStatusBadge } from "@/components/ui/status-badges";
import type { GroupMemberRow } from "@/lib/groups/list-group-members";

const columns: ColumnDef<GroupMemberRow, unknown>[] = [
  {
    id: "name",
    header: "Name",
    enableSorting: false,
    cell: ({ row }) => <PersonNameCell id={row.original.id} name={row.original.name} userName={row.original.userName} />,
  },
  {
    id: "email",
    header: "Primary email",
    enableSorting: false,
    meta: { className: "hidden lg:table-cell" },
    cell: ({ row }) => <EmailCell email={row.original.primaryEmail} />,
  },
  { id: "status", header: "Status", enableSorting: false, cell: ({ row }) => <PersonStatusBadge status={row.original.status} /> },
  {
    id: "memberSince",
    header: "Member since",
    enableSorting: false,
    meta: { className: "hidden sm:table-cell whitespace-nowrap" },
    cell: ({ row }) => formatDateTime(row.original.memberSince),
  },
];

/** A role's members in name order, each linking to their person page. */
export function RoleMembersTable({ rows, empty }: { rows: GroupMemberRow[]; empty: React.ReactNode }) {
  return <DataTable label="Members" columns={columns} data={rows} getRowId={(m) => m.id} getRowHref={(m) => `/people/${m.id}`} empty={empty} />;
}
