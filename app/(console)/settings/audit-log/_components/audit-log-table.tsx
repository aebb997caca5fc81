"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { formatPreciseDateTime } from "@/components/ui/format-precise";
import type { AuditLogRow } from "@/lib/audit/list-audit-log";

const columns: ColumnDef<AuditLogRow, unknown>[] = [
  {
    id: "when",
    header: "When (UTC)",
    meta: { className: "hidden sm:table-cell whitespace-nowrap tabular-nums" },
    cell: ({ row }) => formatPreciseDateTime(row.original.createdAt, { zone: false }),
  },
  {
    id: "who",
    header: "Who",
    cell: ({ row }) => (
      <div className="max-w-[9rem] min-w-0 sm:max-w-[16rem]">
        <p className="font-medium [overflow-wrap:anywhere] text-slate-900 sm:truncate" title={row.original.actorLabel}>
          {row.original.actorLabel}
        </p>
        <p className="mt-0.5 text-xs text-slate-500 tabular-nums sm:hidden">{formatPreciseDateTime(row.original.createdAt)}</p>
      </div>
    ),
  },
  {
    id: "what",
    header: "What",
    cell: ({ row }) => (
      <div className="max-w-[11rem] min-w-0 sm:max-w-md">
        <p className="[overflow-wrap:anywhere] text-slate-800">{row.original.description}</p>
        <p className="mt-0.5 font-mono text-xs text-slate-500">{row.original.action}</p>
      </div>
    ),
  },
  {
    id: "where",
    header: "From where",
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) =>
      row.original.sourceAddress || row.original.userAgent ? (
        <div className="max-w-[15rem] text-xs">
          <p className="font-mono text-slate-700">{row.original.sourceAddress ?? "Unknown address"}</p>
          {row.original.userAgent ? (
            <p className="truncate text-slate-500" title={row.original.userAgent}>
              {row.original.userAgent}
            </p>
          ) : null}
        </div>
      ) : (
        <span className="text-xs text-slate-500">Not recorded</span>
      ),
  },
];

/** The audit log: who did what, when and from where, newest first. */
export function AuditLogTable({ rows, empty }: { rows: AuditLogRow[]; empty: React.ReactNode }) {
  return (
    <DataTable
      label="Audit log"
      columns={columns.map((c) => ({ ...c, enableSorting: false }))}
      data={rows}
      getRowId={(r) => r.id}
      empty={empty}
    />
  );
}
