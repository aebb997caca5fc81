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
      <div className="max-w-[14rem] min-w-0 sm:max-w-xs">
        <Link href={`/people/${row.original.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        <p className="truncate text-xs text-slate-500" title={row.original.userName}>
          {row.original.userName}
        </p>
      </div>
    ),
  },
  {
    id: "email",
    header: "Primary email",
    enableSorting: false,
    meta: { className: "hidden lg:table-cell" },
    cell: ({ row }) =>
      row.original.primaryEmail ? (
        <span className="block max-w-[16rem] truncate" title={row.original.primaryEmail}>
          {row.original.primaryEmail}
        </span>
      ) : (
        <span className="text-slate-400">—</span>
      ),
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
