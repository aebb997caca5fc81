"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { useUrlSorting } from "@/components/data-table/use-url-sorting";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import type { GroupListRow } from "@/lib/groups/search-groups";

const columns: ColumnDef<GroupListRow, unknown>[] = [
  {
    id: "name",
    header: "Role",
    cell: ({ row }) => (
      <span className="flex flex-wrap items-center gap-2">
        <Link href={`/roles/${row.original.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        {row.original.deleted ? <Badge>Deleted</Badge> : null}
      </span>
    ),
  },
  { id: "members", header: "Members", cell: ({ row }) => row.original.memberCount.toLocaleString("en-GB") },
  {
    id: "integration",
    header: "Integration",
    enableSorting: false,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => row.original.integrationName ?? <span className="text-slate-500">Removed</span>,
  },
  {
    id: "updatedAt",
    header: "Last change",
    meta: { className: "hidden sm:table-cell whitespace-nowrap" },
    cell: ({ row }) => formatDateTime(row.original.updatedAt),
  },
];

export function RolesTable({
  rows,
  sort,
  descending,
  empty,
}: {
  rows: GroupListRow[];
  sort: string;
  descending: boolean;
  empty: React.ReactNode;
}) {
  const sorting = useUrlSorting({ sort, descending });
  return (
    <DataTable
      label="Roles"
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      getRowHref={(r) => `/roles/${r.id}`}
      manualSorting={sorting}
      empty={empty}
    />
  );
}
