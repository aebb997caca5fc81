import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { redirectPastLastPage } from "@/components/data-table/list-state";
import { PAGE_SIZE, pageWindow, type RawSearchParams } from "@/components/data-table/search-params";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ContentSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { searchGroups } from "@/lib/groups/search-groups";
import { RolesTable } from "./_components/roles-table";
import { rolesList, type RolesSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { tenant } = await requireConsole("tenant:read");
  const state = rolesList.parse(await searchParams);
  return (
    <>
      <PageHeader title="Roles" description="Groups pushed by your identity providers become roles here; their members hold the role." />
      <Suspense fallback={<ContentSkeleton label="Loading roles…" />}>
        <RolesList tenantId={tenant.id} state={state} />
      </Suspense>
    </>
  );
}

/** The toolbar, one page of roles and their count, behind the skeleton. */
async function RolesList({ tenantId, state }: { tenantId: string; state: RolesSearchParams }) {
  const href = (page: number) => rolesList.href("/roles", { ...state, page });
  const { rows, total } = await searchGroups(await getDb(), tenantId, {
    search: state.q,
    status: state.status,
    sort: state.sort,
    descending: state.dir === "desc",
    ...pageWindow(state.page),
  });
  redirectPastLastPage(state.page, total, href);
  const filtered = state.q !== "" || state.status !== "current";

  return (
    <>
      <DataTableToolbar
        action="/roles"
        search={{ label: "Search roles", placeholder: "Search by role name", value: state.q }}
        filters={[
          {
            name: "status",
            label: "Status",
            value: state.status,
            options: [
              { value: "current", label: "Current roles" },
              { value: "deleted", label: "Deleted roles" },
              { value: "all", label: "All roles" },
            ],
          },
        ]}
      />
      {total === 0 && !filtered ? (
        <Card>
          <EmptyState title="No roles yet">
            Assign groups to the app in Microsoft Entra ID or Okta (with groups enabled on the integration): each group becomes a role
            with its members.
          </EmptyState>
        </Card>
      ) : (
        <>
          <RolesTable
            rows={rows}
            sort={state.sort}
            descending={state.dir === "desc"}
            empty={
              <EmptyState title="No roles match these filters">
                {state.q ? <>No role’s name contains “{state.q}”. </> : null}
                <Link href="/roles" className="font-medium text-brand-700 hover:underline">
                  Clear the filters
                </Link>
              </EmptyState>
            }
          />
          <DataTablePagination page={state.page} pageSize={PAGE_SIZE} total={total} noun={total === 1 ? "role" : "roles"} hrefForPage={href} />
        </>
      )}
    </>
  );
}
