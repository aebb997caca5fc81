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
import { requireConsole, type ConsoleContext } from "@/lib/auth/console-context";
import { listIntegrationChoices } from "@/lib/integrations/list-integration-choices";
import { listPeopleFilterOptions } from "@/lib/people/list-people-filter-options";
import { searchPeople } from "@/lib/people/search-people";
import { PeopleTable } from "./_components/people-table";
import { peopleFilterOf, peopleList, type PeopleSearchParams } from "./search-params";

export const metadata: Metadata = { title: "People" };

const description = (tenantName: string) => `Everyone your identity providers provisioned into ${tenantName}. Deactivated people stay here as inactive.`;

export default async function PeoplePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const context = await requireConsole("tenant:read");
  const state = peopleList.parse(await searchParams);
  return (
    <Suspense
      fallback={
        <>
          <PageHeader title="People" description={description(context.tenant.name)} />
          <ContentSkeleton label="Loading people…" />
        </>
      }
    >
      <PeopleList context={context} state={state} />
    </Suspense>
  );
}

/** The list, its filters and its count: the queries a million people make slow, behind the skeleton. */
async function PeopleList({ context: { tenant, can }, state }: { context: ConsoleContext; state: PeopleSearchParams }) {
  const href = (page: number, change: Partial<typeof state> = {}) => peopleList.href("/people", { ...state, ...change, page });
  const db = await getDb();
  const filter = peopleFilterOf(state);
  const [integrations, options, { rows, total, capped }] = await Promise.all([
    listIntegrationChoices(db, tenant.id),
    listPeopleFilterOptions(db, tenant.id),
    searchPeople(db, tenant.id, {
      ...filter,
      sort: state.sort,
      descending: state.dir === "desc",
      ...pageWindow(state.page),
    }),
  ]);
  if (!capped) redirectPastLastPage(state.page, total, href);
  const filtered = state.q !== "" || state.status !== "current" || [state.integration, state.role, state.department, state.region].some(Boolean);
  /** A select for a filter, offered when it can narrow the list (or one is already chosen); one integration never does. */
  const choice = (name: "integration" | "role" | "department" | "region", label: string, all: string, values: { value: string; label: string }[]) =>
    values.length > (name === "integration" ? 1 : 0) || state[name] ? [{ name, label, value: state[name], options: [{ value: "", label: all }, ...values] }] : [];

  return (
    <>
      <PageHeader
        title="People"
        description={description(tenant.name)}
        actions={
          can("people:manage") && total > 0 ? (
            // A plain link: the browser downloads the streamed file, no script holds it.
            <a
              href={`/people/export${peopleList.href("", { ...state, page: 1 })}`}
              download
              className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              Export CSV
            </a>
          ) : null
        }
      />
      <DataTableToolbar
        action="/people"
        search={{ label: "Search people", placeholder: "Search name, email, userName, employee no., department", value: state.q, live: true }}
        filters={[
          {
            name: "status",
            label: "Status",
            value: state.status,
            options: [
              { value: "current", label: "Active and inactive" },
              { value: "active", label: "Active" },
              { value: "inactive", label: "Inactive" },
              { value: "deleted", label: "Deleted (retained)" },
              { value: "all", label: "All, deleted included" },
            ],
          },
          ...choice("integration", "Integration", "All integrations", integrations.map((i) => ({ value: i.id, label: i.name }))),
          ...choice("role", "Role", "All roles", options.roles.map((r) => ({ value: r.id, label: r.name }))),
          ...choice("department", "Department", "All departments", options.departments.map((d) => ({ value: d, label: d }))),
          ...choice("region", "Region", "All regions", options.regions.map((r) => ({ value: r, label: r }))),
        ]}
      />
      {total === 0 && !filtered ? (
        <Card>
          <EmptyState title="No one has been provisioned yet">
            {can("integrations:manage") ? (
              <>
                Install an integration under{" "}
                <Link href="/settings/integrations" className="font-medium text-brand-700 hover:underline">
                  Settings &gt; Integrations
                </Link>{" "}
                and start provisioning in Microsoft Entra ID or Okta: users appear here as they arrive.
              </>
            ) : (
              "Once an admin installs an integration under Settings > Integrations and starts provisioning, users appear here as they arrive."
            )}
          </EmptyState>
        </Card>
      ) : (
        <>
          <PeopleTable
            rows={rows}
            sort={state.sort}
            descending={state.dir === "desc"}
            bulk={
              can("people:manage")
                ? // Past the count cap nobody can confirm an exact number: only selected rows can go.
                  { total: capped ? 0 : total, filter: { q: state.q, status: state.status, integration: state.integration, role: state.role, department: state.department, region: state.region } }
                : undefined
            }
            empty={
              <EmptyState title="No people match these filters">
                {state.q ? <>Nobody’s name, email, userName, externalId, employee number or department contains “{state.q}”. </> : null}
                {state.status === "current" ? (
                  <>
                    <Link href={href(1, { status: "all" })} className="font-medium text-brand-700 hover:underline">
                      Include deleted people
                    </Link>
                    {" or "}
                  </>
                ) : null}
                <Link href="/people" className="font-medium text-brand-700 hover:underline">
                  {state.status === "current" ? "clear the search" : "Clear the filters"}
                </Link>
              </EmptyState>
            }
          />
          <DataTablePagination page={state.page} pageSize={PAGE_SIZE} total={total} noun={total === 1 ? "person" : "people"} hrefForPage={href} moreThanTotal={capped} />
        </>
      )}
    </>
  );
}
