import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { listState, redirectPastLastPage } from "@/components/data-table/list-state";
import { PAGE_SIZE, pageParam, pageWindow, searchParam, type RawSearchParams } from "@/components/data-table/search-params";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { providerLabels } from "@/lib/integrations/provider-defaults";
import { requireStaffConsole } from "@/lib/auth/require-staff-console";
import { listTenantsForStaff } from "@/lib/staff/list-tenants-for-staff";
import { IntegrationSummary } from "../_components/integration-summary";
import { OpenTenantButton } from "../_components/open-tenant-button";
import { TenantFilter } from "../_components/tenant-filter";

export const metadata: Metadata = { title: "Tenants · Platform" };

/** The Tenants list's state in the URL. */
const tenantsList = listState(z.object({ q: searchParam, page: pageParam }));

const cell = "block px-4 md:table-cell md:py-3";

/** Platform staff only: every tenant, its integrations, people and last SCIM activity. */
export default async function TenantsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { user } = await requireStaffConsole();
  const state = tenantsList.parse(await searchParams);
  const { q, page } = state;
  const href = (p: number) => tenantsList.href("/staff/tenants", { ...state, page: p });
  const { rows, total } = await listTenantsForStaff(await getDb(), user, { search: q, ...pageWindow(page) });
  redirectPastLastPage(page, total, href);

  return (
    <>
      <PageHeader
        title="Tenants"
        description="Platform staff only. Every customer organisation, its integrations, how many people they provisioned and when their identity provider last called. Opening a tenant is written to its audit log."
        actions={
          <Link href="/staff/people" className="text-sm font-medium text-brand-700 hover:underline">
            Find a person by email →
          </Link>
        }
      />
      <TenantFilter value={q} />
      {total === 0 ? (
        <Card>
          <EmptyState title={q ? "No tenant matches" : "No tenants yet"}>
            {q ? <>No tenant’s name or slug contains “{q}”.</> : "Tenants appear here once they are created (first-run setup or npm run admin -- tenant:create)."}
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card className="overflow-hidden">
            <table className="block w-full text-left text-sm md:table">
              <thead className="hidden border-b border-slate-200 text-xs text-slate-500 md:table-header-group">
                <tr>
                  <th className="px-4 py-2 font-medium">Tenant</th>
                  <th className="px-4 py-2 font-medium">Integrations</th>
                  <th className="px-4 py-2 text-right font-medium">People</th>
                  <th className="px-4 py-2 font-medium">Last SCIM activity</th>
                  <th className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="block divide-y divide-slate-100 md:table-row-group">
                {rows.map((tenant) => (
                  <tr key={tenant.id} className="block py-3 align-top md:table-row md:py-0">
                    <td className={cell}>
                      <Link href={`/staff/tenants/${tenant.slug}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {tenant.name}
                      </Link>
                      <p className="font-mono text-xs text-slate-500">{tenant.slug}</p>
                    </td>
                    <td className={`${cell} pt-2`}>
                      {tenant.integrations.length === 0 ? (
                        <span className="text-slate-500">None installed</span>
                      ) : (
                        <ul className="space-y-1">
                          {tenant.integrations.map((integration) => (
                            <li key={integration.id}>
                              <IntegrationSummary integration={integration} providerLabel={providerLabels[integration.provider]} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className={`${cell} pt-2 tabular-nums md:text-right`}>
                      <span className="text-slate-500 md:hidden">People: </span>
                      {tenant.people.toLocaleString("en-GB")}
                    </td>
                    <td className={`${cell} pt-1 whitespace-nowrap text-slate-700`}>
                      <span className="text-slate-500 md:hidden">Last SCIM activity: </span>
                      {tenant.lastScimActivity ? formatDateTime(tenant.lastScimActivity) : "Never"}
                    </td>
                    <td className={`${cell} pt-3 md:text-right`}>
                      <div className="flex gap-2 md:justify-end">
                        <Link
                          href={`/staff/tenants/${tenant.slug}`}
                          aria-label={`Details and tokens of ${tenant.name}`}
                          className="rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-brand-700 hover:bg-brand-50"
                        >
                          Details
                        </Link>
                        <OpenTenantButton slug={tenant.slug}>
                          <span className="sr-only">{tenant.name}: </span>Open
                        </OpenTenantButton>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <DataTablePagination page={page} pageSize={PAGE_SIZE} total={total} noun={total === 1 ? "tenant" : "tenants"} hrefForPage={href} />
        </>
      )}
    </>
  );
}
