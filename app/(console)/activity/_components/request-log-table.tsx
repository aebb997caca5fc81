"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { formatPreciseDateTime } from "@/components/ui/format-precise";
import type { NamedRequestLogRow } from "@/lib/activity/list-request-log";
import { OutcomeBadge } from "./outcome-badge";
import { RequestSummary, subjectHref } from "./request-summary";

/** A logged request with its path and query made readable (done on the server). */
export type RequestLogTableRow = NamedRequestLogRow & { target: string };

/** On a phone the cell leaves room for the Status badge beside it (13rem), so the row fits without scrolling. */
function RequestCell({ row, detailQuery }: { row: RequestLogTableRow; detailQuery: string }) {
  return (
    <div className="max-w-[calc(100vw-13rem)] min-w-0 sm:max-w-[16rem] 2xl:max-w-md">
      <Link
        href={`/activity/${row.id}${detailQuery}`}
        title={row.target}
        className="flex min-w-0 items-baseline gap-2 font-mono text-xs hover:text-brand-700 hover:underline"
      >
        <span className="shrink-0 font-semibold text-slate-800">{row.method}</span>
        <span className="truncate text-slate-700">{row.target}</span>
      </Link>
      {row.subject ? (
        <p className="mt-0.5 truncate text-xs">
          <span className="text-slate-600">{row.subject.type === "person" ? "Person " : "Role "}</span>
          <Link href={subjectHref(row.subject)} className="font-medium text-brand-700 hover:underline">
            {row.subject.name}
          </Link>
        </p>
      ) : null}
      <p className="mt-0.5 truncate text-xs text-slate-600">
        {row.authenticated ? null : (
          <span
            className="mr-1.5 rounded bg-amber-100 px-1 py-px font-semibold text-amber-900"
            title="Refused before its credentials were accepted: anyone who knows the Tenant URL can cause this line"
          >
            Unauthenticated
          </span>
        )}
        {row.integrationName ?? "No integration"}
        <span className="hidden md:inline">
          {" · "}
          <span className="font-mono">{row.requestId}</span>
        </span>
      </p>
      <p className="mt-0.5 text-xs text-slate-600 tabular-nums sm:hidden">{formatPreciseDateTime(row.createdAt)}</p>
      <div className="mt-1 lg:hidden">
        <RequestSummary row={row} />
      </div>
    </div>
  );
}

function columnsFor(detailQuery: string): ColumnDef<RequestLogTableRow, unknown>[] {
  return [
    {
      id: "time",
      header: "Time (UTC)",
      meta: { className: "hidden sm:table-cell whitespace-nowrap tabular-nums" },
      cell: ({ row }) => formatPreciseDateTime(row.original.createdAt, { zone: false }),
    },
    { id: "request", header: "Request", cell: ({ row }) => <RequestCell row={row.original} detailQuery={detailQuery} /> },
    { id: "status", header: "Status", cell: ({ row }) => <OutcomeBadge request={row.original} /> },
    {
      id: "latency",
      header: "Latency",
      meta: { className: "hidden sm:table-cell text-right tabular-nums whitespace-nowrap" },
      cell: ({ row }) => `${row.original.latencyMs.toLocaleString("en-GB")} ms`,
    },
    {
      id: "response",
      header: "Response",
      meta: { className: "hidden lg:table-cell max-w-[16rem]" },
      cell: ({ row }) => <RequestSummary row={row.original} />,
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
