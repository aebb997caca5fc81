import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { z } from "zod";
import { listState } from "@/components/data-table/list-state";
import { pageParam, pageWindow, PAGE_SIZE, type RawSearchParams } from "@/components/data-table/search-params";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatPreciseDateTime } from "@/components/ui/format-precise";
import { HttpStatusBadge } from "@/components/ui/status-badges";
import { getDb } from "@/db/client";
import { listUnattributedRequests } from "@/lib/activity/list-unattributed-requests";
import { requireConsole } from "@/lib/auth/console-context";

export const metadata: Metadata = { title: "Unattributed requests · Activity" };

const unattributedList = listState(z.object({ page: pageParam }));

/** Platform staff only: refused SCIM requests that named no integration of any tenant. */
export default async function UnattributedRequestsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { user } = await requireConsole("tenant:read");
  if (!user.isStaff) notFound();
  const { page } = unattributedList.parse(await searchParams);
  const { rows, total } = await listUnattributedRequests(await getDb(), user, pageWindow(page));

  return (
    <>
      <Link href="/activity" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← Activity
      </Link>
      <PageHeader
        title="Unattributed requests"
        description="Platform staff only. SCIM requests refused before their credentials were accepted whose URL named no integration (no app key, or an unknown one): no tenant can be shown them. Each is a summary; bursts are sampled and the newest 10,000 are kept."
      />
      {total === 0 ? (
        <Card>
          <EmptyState title="None">Requests without a known app key and without accepted credentials appear here.</EmptyState>
        </Card>
      ) : (
        <>
          <Card className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium">Time (UTC)</th>
                  <th className="px-4 py-2 font-medium">Request</th>
                  <th className="px-4 py-2 font-medium">Status</th>
                  <th className="px-4 py-2 font-medium">Reason</th>
                  <th className="px-4 py-2 font-medium">Source</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.id} className="align-top">
                    <td className="px-4 py-2 whitespace-nowrap tabular-nums">{formatPreciseDateTime(row.createdAt, { zone: false })}</td>
                    <td className="max-w-xs px-4 py-2 font-mono text-xs wrap-anywhere">
                      <span className="font-semibold">{row.method}</span> {row.path}
                      <p className="mt-0.5 text-slate-500">{row.requestId}</p>
                    </td>
                    <td className="px-4 py-2">
                      <HttpStatusBadge status={row.status} />
                    </td>
                    <td className="max-w-xs px-4 py-2 text-xs text-slate-600">{row.detail}</td>
                    <td className="max-w-[12rem] px-4 py-2 text-xs text-slate-600 wrap-anywhere">
                      {row.sourceAddress ?? "Address not known"}
                      {row.userAgent ? <p className="mt-0.5 text-slate-500">{row.userAgent}</p> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <DataTablePagination page={page} pageSize={PAGE_SIZE} total={total} noun={total === 1 ? "request" : "requests"} hrefForPage={(p) => unattributedList.href("/activity/unattributed", { page: p })} />
        </>
      )}
    </>
  );
}
