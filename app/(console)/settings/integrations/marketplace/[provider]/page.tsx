import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { providers, type Provider } from "@/db/schema";
import { requireConsole } from "@/lib/auth/console-context";
import { marketplaceApps } from "../../_components/marketplace-apps";
import { ProviderMark } from "../../_components/provider-mark";
import { StartIntegrationForm } from "../../_components/start-integration-form";

type Props = { params: Promise<{ provider: string }> };

function appOf(provider: string) {
  return (providers as readonly string[]).includes(provider) ? marketplaceApps.find((app) => app.provider === (provider as Provider)) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const app = appOf((await params).provider);
  return { title: app ? `${app.name} · Marketplace` : "Marketplace" };
}

/** One marketplace app: what it does, and its install step (User Provisioning > Start integration). */
export default async function MarketplaceAppPage({ params }: Props) {
  await requireConsole("integrations:manage");
  const app = appOf((await params).provider);
  if (!app) notFound();
  return (
    <>
      <Link href="/settings/integrations/marketplace" className="text-sm font-medium text-slate-600 hover:text-slate-900">
        ← Marketplace
      </Link>
      <div className="mt-3 mb-6 flex items-center gap-4">
        <ProviderMark provider={app.provider} size="lg" />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{app.name}</h1>
          <p className="mt-0.5 text-sm text-slate-600">{app.description}</p>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="p-6">
          <h2 className="mb-4 text-base font-semibold text-slate-900">Install {app.name}</h2>
          <StartIntegrationForm provider={app.provider} label={app.name} />
        </Card>
        <Card className="h-fit p-6 text-sm text-slate-600">
          <h2 className="text-base font-semibold text-slate-900">What it does</h2>
          <ul className="mt-3 space-y-1.5">
            {app.features.map((feature) => (
              <li key={feature} className="flex gap-2">
                <span aria-hidden className="text-emerald-700">✓</span>
                {feature}
              </li>
            ))}
          </ul>
          <p className="mt-4 border-t border-slate-100 pt-4">
            Connects with: <span className="font-medium text-slate-800">{app.signIn}</span>
          </p>
        </Card>
      </div>
    </>
  );
}
