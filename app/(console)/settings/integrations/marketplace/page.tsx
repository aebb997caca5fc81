import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { marketplaceApps } from "../_components/marketplace-apps";
import { ProviderMark } from "../_components/provider-mark";

export const metadata: Metadata = { title: "Marketplace · Integrations" };

export default async function MarketplacePage() {
  const { tenant } = await requireConsole("integrations:manage");
  const installed = await listIntegrations(await getDb(), tenant.id);
  return (
    <>
      <Link href="/settings/integrations" className="text-sm font-medium text-slate-500 hover:text-slate-900">
        ← Integrations
      </Link>
      <div className="mt-2">
        <PageHeader
          title="Marketplace"
          description="Choose an app, then User Provisioning and Start integration to get its Tenant URL and Secret Token; finish the setup in your identity provider."
        />
      </div>
      <ul className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        {marketplaceApps.map((app) => {
          const count = installed.filter((i) => i.provider === app.provider).length;
          return (
            <li key={app.provider}>
              <Card className="flex h-full flex-col p-6">
                <div className="flex items-start justify-between gap-3">
                  <ProviderMark provider={app.provider} size="lg" />
                  {count > 0 ? <Badge tone="green">{count === 1 ? "Installed" : `Installed ×${count}`}</Badge> : null}
                </div>
                <h2 className="mt-4 text-base font-semibold text-slate-900">{app.name}</h2>
                <p className="mt-1 text-sm text-slate-600">{app.description}</p>
                <ul className="mt-4 flex-1 space-y-1.5 text-sm text-slate-600">
                  {app.features.map((feature) => (
                    <li key={feature} className="flex gap-2">
                      <span aria-hidden className="text-emerald-600">✓</span>
                      {feature}
                    </li>
                  ))}
                </ul>
                <p className="mt-4 border-t border-slate-100 pt-4 text-xs text-slate-500">
                  Connects with: <span className="font-medium text-slate-700">{app.signIn}</span>
                </p>
                <Link
                  href={`/settings/integrations/marketplace/${app.provider}`}
                  className="mt-4 inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                >
                  Install now<span className="sr-only"> {app.name}</span>
                </Link>
              </Card>
            </li>
          );
        })}
      </ul>
    </>
  );
}
