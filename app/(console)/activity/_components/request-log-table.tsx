"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { formatPreciseDateTime } from "@/components/ui/format-precise";
import { HttpStatusBadge } from "@/components/ui/status-badges";
import type { RequestLogRow } from "@/lib/activity/list-request-log";

/** A logged request with its path and query decoded for reading (done on the server). */
export type RequestLogTableRow = RequestLogRow & { target: string };

function columnsFor(detailQuery: string): ColumnDef<RequestLogTableRow, unknown>[] {
  return [
    {
      id: "time",
      header: "Time",
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => (
        <Link href={`/activity/${row.original.id}${detailQuery}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {formatPreciseDateTime(row.original.createdAt)}
        </Link>
      ),
    },
    { id: "integration", header: "Integration", meta: { className: "hidden lg:table-cell whitespace-nowrap" }, cell: ({ row }) => row.original.integrationName ?? "—" },
    {
      id: "request",
      header: "Request",
      cell: ({ row }) => (
        <span className="flex min-w-0 items-baseline gap-2">
          <span className="w-14 shrink-0 font-mono text-xs font-semibold text-slate-700">{row.original.method}</span>
          <span className="block max-w-[16rem] truncate font-mono text-xs text-slate-600 md:max-w-md" title={row.original.target}>
            {row.original.target}
          </span>
        </span>
      ),
    },
    { id: "status", header: "Status", cell: ({ row }) => <HttpStatusBadge status={row.original.status} /> },
    {
      id: "latency",
      header: "Latency",
      meta: { className: "hidden sm:table-cell text-right tabular-nums whitespace-nowrap" },
      cell: ({ row }) => `${row.original.latencyMs.toLocaleString("en-GB")} ms`,
    },
    {
      id: "error",
      header: "Error",
      meta: { className: "hidden md:table-cell" },
      cell: ({ row }) =>
        row.original.scimType || row.original.detail ? (
          <span className="block max-w-xs truncate text-xs" title={row.original.detail ?? undefined}>
            {row.original.scimType ? <span className="font-mono font-semibold text-amber-800">{row.original.scimType} </span> : null}
            {row.original.detail}
          </span>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
    {
      id: "requestId",
      header: "Request id",
      meta: { className: "hidden xl:table-cell" },
      cell: ({ row }) => <code className="font-mono text-xs text-slate-500">{row.original.requestId}</code>,
    },
  ];
}

export function RequestLogTable({ rows, detailQuery, empty }: { rows: RequestLogTableRow[]; detailQuery: string; empty: React.ReactNode }) {
  return (
    <DataTable
      label="SCIM requests"
      columns={columnsFor(detailQuery).map((c) => ({ ...c, enableSorting: false }))}
      data={rows}
      getRowId={(r) => String(r.id)}
      getRowHref={(r) => `/activity/${r.id}${detailQuery}`}
      empty={empty}
    />
  );
}
