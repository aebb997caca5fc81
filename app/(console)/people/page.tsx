import type { Metadata } from "next";
import Link from "next/link";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { redirectPastLastPage } from "@/components/data-table/list-state";
import { PAGE_SIZE, pageWindow, type RawSearchParams } from "@/components/data-table/search-params";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { listIntegrationChoices } from "@/lib/integrations/list-integration-choices";
import { searchPeople } from "@/lib/people/search-people";
import { PeopleTable } from "./_components/people-table";
import { peopleList } from "./search-params";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { tenant, can } = await requireConsole("tenant:read");
  const state = peopleList.parse(await searchParams);
  const href = (page: number, change: Partial<typeof state> = {}) => peopleList.href("/people", { ...state, ...change, page });
  const db = await getDb();
  const [integrations, { rows, total }] = await Promise.all([
    listIntegrationChoices(db, tenant.id),
    searchPeople(db, tenant.id, {
      search: state.q,
      status: state.status,
      integrationId: state.integration || undefined,
      sort: state.sort,
      descending: state.dir === "desc",
      ...pageWindow(state.page),
    }),
  ]);
  redirectPastLastPage(state.page, total, href);
  const filtered = state.q !== "" || state.status !== "current" || state.integration !== "";

  return (
    <>
      <PageHeader
        title="People"
        description={`Everyone your identity providers provisioned into ${tenant.name}. Deactivated people stay here as inactive.`}
      />
      <DataTableToolbar
        action="/people"
        search={{ label: "Search people", placeholder: "Search by name, userName or email", value: state.q }}
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
          ...(integrations.length > 1 || state.integration
            ? [
                {
                  name: "integration",
                  label: "Integration",
                  value: state.integration,
                  options: [{ value: "", label: "All integrations" }, ...integrations.map((i) => ({ value: i.id, label: i.name }))],
                },
              ]
            : []),
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
            bulk={can("people:manage") ? { total, filter: { q: state.q, status: state.status, integration: state.integration } } : undefined}
            empty={
              <EmptyState title="No people match these filters">
                {state.q ? <>Nobody’s name, userName or email contains “{state.q}”. </> : null}
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
          <DataTablePagination page={state.page} pageSize={PAGE_SIZE} total={total} noun={total === 1 ? "person" : "people"} hrefForPage={href} />
        </>
      )}
    </>
  );
}
