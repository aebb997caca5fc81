"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useCallback, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { EmailCell, PersonNameCell } from "@/components/people/person-cells";
import { useUrlSorting } from "@/components/data-table/use-url-sorting";
import { formatDateTime } from "@/components/ui/format";
import { PersonStatusBadge } from "@/components/ui/status-badges";
import type { PersonListRow } from "@/lib/people/search-people";
import { BulkPurge } from "./bulk-purge";

// TanStack offers sorting only on columns with an accessor; the order itself comes from SQL.
const columns: ColumnDef<PersonListRow, unknown>[] = [
  {
    id: "name",
    header: "Name",
    accessorFn: (row) => row.name,
    cell: ({ row }) => (
      <PersonNameCell
        id={row.original.id}
        name={row.original.name}
        userName={row.original.userName}
        hideUserName={row.original.userName.toLowerCase() === row.original.primaryEmail?.toLowerCase()}
      />
    ),
  },
  {
    id: "email",
    header: "Primary email",
    accessorFn: (row) => row.primaryEmail,
    meta: { className: "hidden lg:table-cell" },
    cell: ({ row }) => <EmailCell email={row.original.primaryEmail} />,
  },
  {
    id: "department",
    header: "Department",
    enableSorting: false,
    meta: { className: "hidden xl:table-cell" },
    cell: ({ row }) => row.original.department ?? <span className="text-slate-400">—</span>,
  },
  { id: "status", header: "Status", accessorFn: (row) => row.status, meta: { className: "whitespace-nowrap" }, cell: ({ row }) => <PersonStatusBadge status={row.original.status} /> },
  { id: "region", header: "Region", enableSorting: false, meta: { className: "hidden md:table-cell" }, cell: ({ row }) => row.original.region ?? "—" },
  {
    id: "integration",
    header: "Integration",
    enableSorting: false,
    meta: { className: "hidden lg:table-cell whitespace-nowrap" },
    cell: ({ row }) => row.original.integrationName ?? <span className="text-slate-400">Removed</span>,
  },
  {
    id: "updatedAt",
    header: "Last change",
    accessorFn: (row) => row.updatedAt,
    meta: { className: "hidden md:table-cell whitespace-nowrap" },
    cell: ({ row }) => formatDateTime(row.original.updatedAt),
  },
];

function selectColumn(rows: PersonListRow[], selected: Set<string>, setSelected: (next: Set<string>) => void): ColumnDef<PersonListRow, unknown> {
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return {
    id: "select",
    enableSorting: false,
    meta: { className: "w-10" },
    header: () => (
      <input
        type="checkbox"
        aria-label="Select everyone on this page"
        checked={allOnPage}
        onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
        className="size-4 rounded border-slate-300"
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.name}`}
        checked={selected.has(row.original.id)}
        onChange={() => toggle(row.original.id)}
        className="size-4 rounded border-slate-300"
      />
    ),
  };
}

export function PeopleTable({
  rows,
  sort,
  descending,
  empty,
  bulk,
}: {
  rows: PersonListRow[];
  sort: string;
  descending: boolean;
  empty: React.ReactNode;
  /** Support and admins: select rows, or everyone matching the filter, to delete permanently. */
  bulk?: { total: number; filter: { q: string; status: string; integration: string; role: string; department: string; region: string } };
}) {
  const sorting = useUrlSorting({ sort, descending });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const clear = useCallback(() => setSelected(new Set()), []);
  const onPage = new Set(rows.filter((r) => selected.has(r.id)).map((r) => r.id));
  return (
    <>
      {bulk ? <BulkPurge selectedIds={[...onPage]} total={bulk.total} filter={bulk.filter} onDone={clear} /> : null}
      <DataTable
        label="People"
        columns={bulk ? [selectColumn(rows, onPage, setSelected), ...columns] : columns}
        data={rows}
        getRowId={(p) => p.id}
        getRowHref={(p) => `/people/${p.id}`}
        manualSorting={sorting}
        empty={empty}
      />
    </>
  );
}
