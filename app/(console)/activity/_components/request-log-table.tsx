"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { formatPreciseDateTime } from "@/components/ui/format-precise";
import { HttpStatusBadge } from "@/components/ui/status-badges";
import type { RequestLogRow } from "@/lib/activity/list-request-log";

/** A logged request with its path and query made readable (done on the server). */
export type RequestLogTableRow = RequestLogRow & { target: string };

function columnsFor(detailQuery: string): ColumnDef<RequestLogTableRow, unknown>[] {
  return [
    {
      id: "time",
      header: "Time (UTC)",
      meta: { className: "hidden sm:table-cell whitespace-nowrap tabular-nums" },
      cell: ({ row }) => formatPreciseDateTime(row.original.createdAt, { zone: false }),
    },
    {
      id: "request",
      header: "Request",
      cell: ({ row }) => (
        <div className="max-w-[13rem] min-w-0 sm:max-w-[15rem] 2xl:max-w-md">
          <Link
            href={`/activity/${row.original.id}${detailQuery}`}
            title={row.original.target}
            className="flex min-w-0 items-baseline gap-2 font-mono text-xs hover:text-brand-700 hover:underline"
          >
            <span className="shrink-0 font-semibold text-slate-800">{row.original.method}</span>
            <span className="truncate text-slate-700">{row.original.target}</span>
          </Link>
          <p className="mt-0.5 truncate text-xs text-slate-500">
            {row.original.authenticated ? null : (
              <span
                className="mr-1.5 rounded bg-amber-100 px-1 py-px font-semibold text-amber-900"
                title="Refused before its credentials were accepted: anyone who knows the Tenant URL can cause this line"
              >
                Unauthenticated
              </span>
            )}
            {row.original.integrationName ?? "No integration"}
            <span className="hidden md:inline">
              {" · "}
              <span className="font-mono">{row.original.requestId}</span>
            </span>
          </p>
          <p className="mt-0.5 text-xs text-slate-500 tabular-nums sm:hidden">{formatPreciseDateTime(row.original.createdAt)}</p>
        </div>
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
      meta: { className: "hidden lg:table-cell" },
      cell: ({ row }) =>
        row.original.scimType || row.original.detail ? (
          <div className="max-w-[13rem] text-xs" title={row.original.detail ?? undefined}>
            {row.original.scimType ? <p className="font-mono font-semibold text-amber-800">{row.original.scimType}</p> : null}
            {row.original.detail ? <p className="truncate text-slate-600">{row.original.detail}</p> : null}
          </div>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
  ];
}

/** The request log: each row opens the request with its body and error. */
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
