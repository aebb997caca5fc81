import type { ColumnDef } from "@tanstack/react-table";
import { formatDateTime } from "@/components/ui/format";

/**
 * The Created and Last used columns of every table of secrets (provisioning tokens, access
 * tokens, API keys). Both are left out on a phone, so the row's Revoke stays on screen.
 */
export function credentialDateColumns<T extends { createdAt: Date | string; lastUsedAt: Date | string | null }>(): ColumnDef<T, unknown>[] {
  return [
    {
      accessorKey: "createdAt",
      header: "Created",
      meta: { className: "hidden md:table-cell" },
      cell: ({ row }) => <span className="whitespace-nowrap">{formatDateTime(row.original.createdAt)}</span>,
    },
    {
      accessorKey: "lastUsedAt",
      header: () => <span className="whitespace-nowrap">Last used</span>,
      meta: { className: "hidden sm:table-cell" },
      cell: ({ row }) => <span className="whitespace-nowrap">{row.original.lastUsedAt ? formatDateTime(row.original.lastUsedAt) : "Never"}</span>,
    },
  ];
}
