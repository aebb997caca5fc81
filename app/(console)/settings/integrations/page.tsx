import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { providerLabels } from "@/lib/integrations/provider-defaults";
import { IntegrationsTable } from "./_components/integrations-table";

export const metadata: Metadata = { title: "Integrations" };

const browseClass =
  "inline-flex items-center justify-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export default async function IntegrationsPage() {
  const { tenant, can } = await requireConsole();
  const integrations = await listIntegrations(await getDb(), tenant.id);
  const canManage = can("integrations:manage");
  const browse = canManage ? (
    <Link href="/settings/integrations/marketplace" className={browseClass}>
      Browse Marketplace
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title="Integrations"
        description={`Identity providers that provision people and groups into ${tenant.name}.`}
        actions={integrations.length > 0 ? browse : null}
      />
      {integrations.length > 0 ? (
        <IntegrationsTable integrations={integrations.map((i) => ({ ...i, providerLabel: providerLabels[i.provider] }))} />
      ) : (
        <Card className="px-6 py-14 text-center">
          <div className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-brand-50 text-brand-600">
            <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-6 w-6">
              <path strokeLinecap="round" strokeLinejoin="round" d="M13.5 6H18a2 2 0 0 1 2 2v4.5M10.5 18H6a2 2 0 0 1-2-2v-4.5M8 8h3v3H8zM13 13h3v3h-3z" />
            </svg>
          </div>
          <h2 className="mt-4 text-base font-semibold text-slate-900">No integrations yet</h2>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
            {canManage
              ? "Install Microsoft Entra ID, Okta or any SCIM 2.0 client from the marketplace to get a Tenant URL and a Secret Token."
              : "An admin of this tenant installs integrations from the marketplace; they will be listed here."}
          </p>
          {browse ? <div className="mt-6">{browse}</div> : null}
        </Card>
      )}
    </>
  );
}
