import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { providerLabels } from "@/lib/integrations/provider-defaults";
import { requireStaffConsole } from "@/lib/auth/require-staff-console";
import { tenantUrl } from "@/lib/integrations/tenant-url";
import { getTenantForStaff } from "@/lib/staff/get-tenant-for-staff";
import { IntegrationSummary } from "../../_components/integration-summary";
import { MintTokenForm } from "../../_components/mint-token-form";
import { OpenTenantButton } from "../../_components/open-tenant-button";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { user } = await requireStaffConsole();
  const tenant = await getTenantForStaff(await getDb(), user, (await params).slug);
  return { title: tenant ? `${tenant.name} · Tenants` : "Tenants" };
}

/** Platform staff only: one tenant's integrations, and a token minted on the tenant's request. */
export default async function StaffTenantPage({ params }: { params: Promise<{ slug: string }> }) {
  const { user } = await requireStaffConsole();
  const { slug } = await params;
  const tenant = await getTenantForStaff(await getDb(), user, slug);
  if (!tenant) notFound();

  return (
    <>
      <Link href="/staff/tenants" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← Tenants
      </Link>
      <PageHeader
        title={tenant.name}
        description={
          <>
            <span className="font-mono">{tenant.slug}</span> · {tenant.people.toLocaleString("en-GB")} {tenant.people === 1 ? "person" : "people"} ·
            last SCIM activity {tenant.lastScimActivity ? formatDateTime(tenant.lastScimActivity) : "never"}
          </>
        }
        actions={<OpenTenantButton slug={tenant.slug}>Open tenant</OpenTenantButton>}
      />
      <div className="space-y-6">
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">Integrations</h2>
          {tenant.integrations.length === 0 ? (
            <EmptyState title="None installed">An admin of the tenant installs one under Settings &gt; Integrations.</EmptyState>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100">
              {tenant.integrations.map((integration) => (
                <li key={integration.id} className="py-3">
                  <IntegrationSummary integration={integration} providerLabel={providerLabels[integration.provider]} />
                  <p className="mt-1 font-mono text-xs break-all text-slate-600">{tenantUrl(integration)}</p>
                  <p className="mt-0.5 text-xs text-slate-500">
                    Last request {integration.lastRequestAt ? formatDateTime(integration.lastRequestAt) : "never"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {tenant.integrations.length > 0 ? (
          <Card className="p-5">
            <h2 className="text-base font-semibold text-slate-900">Mint a provisioning token on request</h2>
            <p className="mt-1 mb-4 text-sm text-slate-600">
              For a tenant that asked support for a token. The secret is shown once; the tenant’s admins see in their audit log
              that you minted it and why, and can revoke it on the integration’s page.
            </p>
            <MintTokenForm integrations={tenant.integrations.map(({ id, name, appKey }) => ({ id, name: `${name} · ${appKey}` }))} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
