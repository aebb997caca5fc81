"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import type { IntegrationRow } from "@/lib/integrations/list-integrations";
import { ProviderMark } from "./provider-mark";
import { integrationPage } from "./secret-handoff";

/** An installed integration, with its provider's name for the "(User Provisioning)" line. */
export type IntegrationTableRow = IntegrationRow & { providerLabel: string };

const columns: ColumnDef<IntegrationTableRow, unknown>[] = [
  {
    accessorKey: "name",
    header: "Integration",
    cell: ({ row }) => (
      <div className="flex items-center gap-3">
        <ProviderMark provider={row.original.provider} />
        <div className="min-w-0">
          <Link href={integrationPage(row.original.id)} className="font-medium whitespace-nowrap text-slate-900 hover:text-brand-700 hover:underline">
            {row.original.name}
          </Link>
          <p className="text-xs text-slate-600">
            {row.original.providerLabel} (User Provisioning){" › "}
            <Link href={integrationPage(row.original.id)} className="font-medium text-brand-700 hover:underline">
              Settings
            </Link>
          </p>
        </div>
      </div>
    ),
  },
  {
    accessorKey: "status",
    header: "Status",
    cell: ({ row }) =>
      row.original.status === "active" ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Disabled</Badge>,
  },
  {
    accessorKey: "createdAt",
    header: "Installed",
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => <span className="whitespace-nowrap">{formatDateTime(row.original.createdAt)}</span>,
  },
  {
    accessorKey: "lastRequestAt",
    header: () => <span className="whitespace-nowrap">Last request</span>,
    cell: ({ row }) => <span className="whitespace-nowrap">{row.original.lastRequestAt ? formatDateTime(row.original.lastRequestAt) : "Never"}</span>,
  },
  {
    accessorKey: "people",
    header: "People",
    cell: ({ row }) => (
      <Link href={`/people?integration=${row.original.id}`} className="tabular-nums text-slate-900 hover:text-brand-700 hover:underline">
        {row.original.people.toLocaleString("en")}
      </Link>
    ),
  },
  {
    accessorKey: "liveTokens",
    header: () => <span className="whitespace-nowrap">Live tokens</span>,
    cell: ({ row }) =>
      row.original.liveTokens === 0 ? <Badge tone="amber">None</Badge> : <span className="tabular-nums">{row.original.liveTokens}</span>,
  },
];

export function IntegrationsTable({ integrations }: { integrations: IntegrationTableRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={integrations}
      getRowId={(i) => i.id}
      getRowHref={(i) => integrationPage(i.id)}
      label="Installed integrations"
      empty="No integrations installed."
    />
  );
}
