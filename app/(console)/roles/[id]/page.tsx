import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { listState, redirectPastLastPage } from "@/components/data-table/list-state";
import { choiceParam, PAGE_SIZE, pageParam, pageWindow, type RawSearchParams } from "@/components/data-table/search-params";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { HistoryTimeline } from "@/components/ui/history-timeline";
import { LinkTabs } from "@/components/ui/link-tabs";
import { ContentSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { getGroupProfile, type GroupProfile } from "@/lib/groups/get-group-profile";
import { listGroupMembers } from "@/lib/groups/list-group-members";
import { describeHistory } from "@/lib/history/describe-event";
import { listHistory } from "@/lib/history/list-history";
import { RoleMembersTable } from "../_components/role-members-table";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { tenant } = await requireConsole("tenant:read");
  const role = await getGroupProfile(await getDb(), tenant.id, (await params).id);
  return { title: role ? `${role.name} · Roles` : "Roles" };
}

const tabSchema = z.object({ tab: choiceParam(["members", "history"], "members"), page: pageParam });
/** The tab and page in the role's URL. */
const roleTabs = listState(tabSchema);

export default async function RolePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { tenant } = await requireConsole("tenant:read");
  const { id } = await params;
  const state = roleTabs.parse(await searchParams);
  // Found (or 404) before the Suspense boundary below: streaming starts there, with status 200.
  const role = await getGroupProfile(await getDb(), tenant.id, id);
  if (!role) notFound();

  return (
    <>
      <Link href="/roles" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← Roles
      </Link>
      <div className="mt-2 mb-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere text-slate-900">{role.name}</h1>
          {role.deletedAt ? <Badge>Deleted {formatDateTime(role.deletedAt)}</Badge> : null}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {role.integration ? <>From {role.integration.name}</> : "From a removed integration"}
          {" · "}created {formatDateTime(role.createdAt)} · last change {formatDateTime(role.updatedAt)}
          {role.externalId ? (
            <>
              {" · "}externalId <code className="font-mono text-xs">{role.externalId}</code>
            </>
          ) : null}
        </p>
      </div>
      <Suspense fallback={<ContentSkeleton label={`Loading ${role.name}…`} />}>
        <RoleDetail tenantId={tenant.id} role={role} state={state} />
      </Suspense>
    </>
  );
}

/** The role's tabs: one page of members or of History, and History's count, behind the skeleton. */
async function RoleDetail({ tenantId, role, state: { tab, page } }: { tenantId: string; role: GroupProfile; state: z.infer<typeof tabSchema> }) {
  const db = await getDb();
  const none = { limit: 0, offset: 0 };
  const history = await listHistory(db, tenantId, { type: "group", id: role.id }, tab === "history" ? pageWindow(page) : none);
  const members = tab === "members" ? await listGroupMembers(db, tenantId, role.id, pageWindow(page)) : { rows: [], total: role.memberCount };
  const base = `/roles/${role.id}`;
  const pageHref = (p: number) => roleTabs.href(base, { tab, page: p });
  redirectPastLastPage(page, tab === "members" ? members.total : history.total, pageHref);

  return (
    <>
      <LinkTabs
        label="Role"
        tabs={[
          { href: base, label: "Members", count: role.memberCount, current: tab === "members" },
          { href: `${base}?tab=history`, label: "History", count: history.total, current: tab === "history" },
        ]}
      />
      {tab === "members" ? (
        <>
          <RoleMembersTable
            rows={members.rows}
            empty={
              <EmptyState title="No members">
                {role.deletedAt
                  ? "The role was deleted; its members left it then. Its History keeps who they were."
                  : "People join this role when the identity provider adds them to the group."}
              </EmptyState>
            }
          />
          <DataTablePagination page={page} pageSize={PAGE_SIZE} total={members.total} noun="members" hrefForPage={pageHref} />
        </>
      ) : (
        <>
          <Card>
            {history.total === 0 ? (
              <EmptyState title="No History yet">Every change an identity provider makes to this role is recorded here.</EmptyState>
            ) : (
              <HistoryTimeline items={describeHistory(history.rows, "group", role.name)} requestHref={(requestId) => `/activity?request=${encodeURIComponent(requestId)}`} />
            )}
          </Card>
          <DataTablePagination page={page} pageSize={PAGE_SIZE} total={history.total} noun="events" hrefForPage={pageHref} />
        </>
      )}
    </>
  );
}
