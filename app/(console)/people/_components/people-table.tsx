"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { EmailCell, PersonNameCell } from "@/components/people/person-cells";
import { useUrlSorting } from "@/components/data-table/use-url-sorting";
import { formatDateTime } from "@/components/ui/format";
import { PersonStatusBadge } from "@/components/ui/status-badges";
import type { PersonListRow } from "@/lib/people/list-people-for-console";

const columns: ColumnDef<PersonListRow, unknown>[] = [
  {
    id: "name",
    header: "Name",
    cell: ({ row }) => <PersonNameCell id={row.original.id} name={row.original.name} userName={row.original.userName} />,
  },
  {
    id: "email",
    header: "Primary email",
    meta: { className: "hidden lg:table-cell" },
    cell: ({ row }) => <EmailCell email={row.original.primaryEmail} />,
  },
  { id: "status", header: "Status", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => <PersonStatusBadge status={row.original.status} /> },
  { id: "region", header: "Region", enableSorting: false, meta: { className: "hidden md:table-cell" }, cell: ({ row }) => row.original.region ?? "—" },
  {
    id: "integration",
    header: "Integration",
    enableSorting: false,
    meta: { className: "hidden 2xl:table-cell whitespace-nowrap" },
    cell: ({ row }) => row.original.integrationName ?? <span className="text-slate-400">Removed</span>,
  },
  {
    id: "updatedAt",
    header: "Last change",
    meta: { className: "hidden md:table-cell whitespace-nowrap" },
    cell: ({ row }) => formatDateTime(row.original.updatedAt),
  },
];

export function PeopleTable({
  rows,
  sort,
  descending,
  empty,
}: {
  rows: PersonListRow[];
  sort: string;
  descending: boolean;
  empty: React.ReactNode;
}) {
  const sorting = useUrlSorting({ sort, descending });
  return (
    <DataTable
      label="People"
      columns={columns}
      data={rows}
      getRowId={(p) => p.id}
      getRowHref={(p) => `/people/${p.id}`}
      manualSorting={sorting}
      empty={empty}
    />
  );
}
