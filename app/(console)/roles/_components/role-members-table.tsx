"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { formatDateTime } from "@/components/ui/format";
import { PersonStatusBadge } from "@/components/ui/status-badges";
import type { RoleMemberRow } from "@/lib/groups/list-role-members";

const columns: ColumnDef<RoleMemberRow, unknown>[] = [
  {
    id: "name",
    header: "Name",
    enableSorting: false,
    cell: ({ row }) => (
      <Link href={`/people/${row.original.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: "userName", header: "userName", enableSorting: false, cell: ({ row }) => <span className="wrap-anywhere">{row.original.userName}</span> },
  {
    id: "email",
    header: "Primary email",
    enableSorting: false,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => row.original.primaryEmail ?? <span className="text-slate-400">—</span>,
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
export function RoleMembersTable({ rows, empty }: { rows: RoleMemberRow[]; empty: React.ReactNode }) {
  return <DataTable label="Members" columns={columns} data={rows} getRowId={(m) => m.id} getRowHref={(m) => `/people/${m.id}`} empty={empty} />;
}
