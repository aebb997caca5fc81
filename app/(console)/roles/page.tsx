import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { lastPage, PAGE_SIZE, pageWindow, toQueryString, type RawSearchParams } from "@/components/data-table/search-params";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { searchGroups } from "@/lib/groups/search-groups";
import { RolesTable } from "./_components/roles-table";
import { parseRolesSearchParams, type RolesSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Roles" };

function href(state: RolesSearchParams, page: number) {
  return `/roles${toQueryString({
    q: state.q,
    status: state.status === "current" ? undefined : state.status,
    sort: state.sort === "name" ? undefined : state.sort,
    dir: state.dir === "asc" ? undefined : state.dir,
    page: page === 1 ? undefined : page,
  })}`;
}

export default async function RolesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { tenant } = await requireConsole("tenant:read");
  const state = parseRolesSearchParams(await searchParams);
  const { rows, total } = await searchGroups(await getDb(), tenant.id, {
    search: state.q,
    status: state.status,
    sort: state.sort,
    descending: state.dir === "desc",
    ...pageWindow(state.page),
  });
  if (rows.length === 0 && state.page > lastPage(total)) redirect(href(state, lastPage(total)));
  const filtered = state.q !== "" || state.status !== "current";

  return (
    <>
      <PageHeader
        title="Roles"
        description="Groups pushed by your identity providers become roles here; their members hold the role."
      />
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
          <DataTablePagination page={state.page} pageSize={PAGE_SIZE} total={total} noun={total === 1 ? "role" : "roles"} hrefForPage={(p) => href(state, p)} />
        </>
      )}
    </>
  );
}
