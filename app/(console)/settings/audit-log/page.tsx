import type { Metadata } from "next";
import Link from "next/link";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { redirectPastLastPage } from "@/components/data-table/list-state";
import { PAGE_SIZE, pageWindow, type RawSearchParams } from "@/components/data-table/search-params";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireConsole } from "@/lib/auth/console-context";
import { AuditLogTable } from "./_components/audit-log-table";
import { auditLogList } from "./search-params";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { tenant } = await requireConsole("audit:read");
  const state = auditLogList.parse(await searchParams);
  const href = (page: number) => auditLogList.href("/settings/audit-log", { ...state, page });
  const { rows, total } = await listAuditLog(await getDb(), tenant.id, { category: state.category, ...pageWindow(state.page) });
  redirectPastLastPage(state.page, total, href);

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who changed what in ${tenant.name}, and every page platform staff opened here: when, and from where.`}
      />
      <DataTableToolbar
        action="/settings/audit-log"
        filters={[
          {
            name: "category",
            label: "Kind of entry",
            value: state.category,
            options: [
              { value: "all", label: "All entries" },
              { value: "staff", label: "Platform staff access" },
              { value: "members", label: "Members and invitations" },
              { value: "people", label: "People (support actions)" },
              { value: "integrations", label: "Integrations and tokens" },
            ],
          },
        ]}
      />
      <AuditLogTable
        rows={rows}
        empty={
          state.category === "all" ? (
            <EmptyState title="Nothing audited yet">Changes to members, integrations and tokens appear here.</EmptyState>
          ) : (
            <EmptyState title="No entries of this kind">
              <Link href="/settings/audit-log" className="font-medium text-brand-700 hover:underline">
                Show every entry
              </Link>
            </EmptyState>
          )
        }
      />
      <DataTablePagination page={state.page} pageSize={PAGE_SIZE} total={total} noun={total === 1 ? "entry" : "entries"} hrefForPage={href} />
    </>
  );
}
