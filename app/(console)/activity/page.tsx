import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { redirectPastLastPage } from "@/components/data-table/list-state";
import { PAGE_SIZE, pageWindow, toQueryString, type RawSearchParams } from "@/components/data-table/search-params";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ContentSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import { listIntegrationChoices } from "@/lib/integrations/list-integration-choices";
import { listRequestLog, requestMethods } from "@/lib/activity/list-request-log";
import { pathWithQuery } from "@/lib/activity/path-with-query";
import { requireConsole } from "@/lib/auth/console-context";
import { ActivityFilters } from "./_components/activity-filters";
import { RequestLogTable } from "./_components/request-log-table";
import { activityList, filterErrors, toRequestLogQuery, type ActivitySearchParams } from "./search-params";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { tenant, user } = await requireConsole("tenant:read");
  const raw = await searchParams;
  const state = activityList.parse(raw);
  const errors = filterErrors(raw);

  return (
    <>
      <PageHeader
        title="Activity"
        description="Every SCIM request your identity providers made, newest first: what they asked for and what failed. Requests refused before their credentials were accepted are marked Unauthenticated."
      />
      {user.isStaff ? (
        <p className="-mt-3 mb-4 text-sm">
          <Link href="/activity/unattributed" className="font-medium text-brand-700 hover:underline">
            Requests that named no integration (platform staff)
          </Link>
        </p>
      ) : null}
      <Suspense fallback={<ContentSkeleton label="Loading requests…" />}>
        <RequestLog tenantId={tenant.id} state={state} errors={errors} />
      </Suspense>
    </>
  );
}

/** The filters' choices and one page of the log with its count, behind the skeleton. */
async function RequestLog({ tenantId, state, errors }: { tenantId: string; state: ActivitySearchParams; errors: string[] }) {
  const href = (page: number, change: Partial<typeof state> = {}) => activityList.href("/activity", { ...state, ...change, page });
  const db = await getDb();
  const [integrations, { rows, total, capped }] = await Promise.all([
    listIntegrationChoices(db, tenantId),
    listRequestLog(db, tenantId, { ...toRequestLogQuery(state), ...pageWindow(state.page) }),
  ]);
  if (!capped) redirectPastLastPage(state.page, total, href);
  const filtered = activityList.href("/activity", { ...state, page: 1 }) !== "/activity" || errors.length > 0;
  const detailQuery = toQueryString({ from: href(state.page) });

  return (
    <>
      <ActivityFilters state={state} integrations={integrations.map((i) => ({ value: i.id, label: i.name }))} methods={requestMethods} />
      {errors.length > 0 ? (
        <div className="mb-4">
          <Alert tone="error">
            <p className="font-semibold">Some filters were ignored:</p>
            <ul className="mt-1 list-disc pl-5">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      {state.request ? (
        <div className="mb-4">
          <Alert tone="info">
            Showing request <code className="font-mono">{state.request}</code> only.{" "}
            <Link href={href(1, { request: undefined })} className="font-semibold underline">
              Show every request
            </Link>
          </Alert>
        </div>
      ) : null}
      {total === 0 && !filtered ? (
        <Card>
          <EmptyState title="No requests yet">
            {integrations.length === 0
              ? "Install an integration under Settings > Integrations, then enter its Tenant URL and Secret Token in your identity provider. Its requests appear here."
              : "Once your identity provider uses the Tenant URL and Secret Token (Test Connection included), each of its requests appears here."}
          </EmptyState>
        </Card>
      ) : (
        <>
          <RequestLogTable
            rows={rows.map((row) => ({ ...row, target: pathWithQuery(row, { belowTenantUrl: true }) }))}
            detailQuery={detailQuery}
            empty={
              <EmptyState title="No requests match these filters">
                <Link href="/activity" className="font-medium text-brand-700 hover:underline">
                  Show every request
                </Link>
              </EmptyState>
            }
          />
          <DataTablePagination page={state.page} pageSize={PAGE_SIZE} total={total} noun={total === 1 ? "request" : "requests"} hrefForPage={href} moreThanTotal={capped} />
        </>
      )}
    </>
  );
}
