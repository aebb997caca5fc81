import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { ContentSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import type { Integration, IntegrationSettings } from "@/db/schema";
import { requireConsole } from "@/lib/auth/console-context";
import { findIntegration } from "@/lib/integrations/find-integration";
import { env } from "@/lib/env";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { providerLabels } from "@/lib/integrations/provider-defaults";
import { previewRetention } from "@/lib/retention/preview-retention";
import { tenantUrl } from "@/lib/integrations/tenant-url";
import { listTokens } from "@/lib/tokens/list-tokens";
import { readIntegrationHealth } from "@/lib/connection-health/read-integration-health";
import { AlertHistory } from "../_components/alert-history";
import { ConnectionPanel } from "../_components/connection-panel";
import { InstalledSecret } from "../_components/installed-secret";
import { LiveRequests } from "../_components/live-requests";
import { MovingHere } from "../_components/moving-here";
import { ProviderMark } from "../_components/provider-mark";
import { RenameForm } from "../_components/rename-form";
import { RetentionCard } from "../_components/retention-card";
import { settingDescriptions } from "../_components/setting-descriptions";
import { SettingsForm } from "../_components/settings-form";
import { SettingsSummaryList, type SummaryRow } from "../_components/settings-summary-list";
import { SetupSteps } from "../_components/setup-steps";
import { StatusControl } from "../_components/status-control";
import { TokensCard } from "../_components/tokens-card";
import { UninstallControl } from "../_components/uninstall-control";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant } = await requireConsole();
  const integration = await findIntegration(await getDb(), tenant.id, (await params).id);
  return { title: integration ? `${integration.name} · Integrations` : "Integrations" };
}

function SettingsSummary({ settings }: { settings: IntegrationSettings }) {
  const rows: SummaryRow[] = [
    ["Provision groups", settings.groupsEnabled ? "On" : "Off", settingDescriptions.groupsEnabled],
    ["Lowercase identifiers", settings.lowercaseIdentifiers ? "On" : "Off", settingDescriptions.lowercaseIdentifiers],
    ["Couple userName and primary email", settings.coupleUserNameAndEmail ? "On" : "Off", settingDescriptions.coupleUserNameAndEmail],
    ["Default region", settings.defaultRegion || "None", settingDescriptions.defaultRegion],
    ["Delete mode", settings.deleteMode === "hard" ? "Hard: remove the record" : "Soft: keep as retained data", settingDescriptions.deleteMode],
    ["People who already exist", settings.matchExisting === "takeOver" ? "Take over" : "Refuse", settingDescriptions.matchExisting],
  ];
  return <SettingsSummaryList rows={rows} />;
}

export default async function IntegrationPage({ params }: Props) {
  const { tenant, can } = await requireConsole();
  const db = await getDb();
  const integration = await findIntegration(db, tenant.id, (await params).id);
  // Found (or 404) before the Suspense boundary below: streaming starts there, with status 200.
  if (!integration) notFound();
  const active = integration.status === "active";

  return (
    <>
      <Link href="/settings/integrations" className="text-sm font-medium text-slate-500 hover:text-slate-900">
        ← Integrations
      </Link>
      <div className="mt-3 mb-6 flex flex-wrap items-center gap-4">
        <ProviderMark provider={integration.provider} size="lg" />
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{integration.name}</h1>
            {active ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Disabled</Badge>}
          </div>
          <p className="mt-0.5 text-sm text-slate-600">{providerLabels[integration.provider]} · User Provisioning</p>
        </div>
      </div>

      <InstalledSecret integrationId={integration.id} provider={integration.provider} />
      {active ? null : (
        <div className="mb-6">
          <Alert tone="info">This integration is disabled: requests with its tokens are refused with 401. What it provisioned is unchanged.</Alert>
        </div>
      )}

      <Suspense fallback={<ContentSkeleton label={`Loading ${integration.name}…`} shape="cards" />}>
        <IntegrationDetail tenantId={tenant.id} integration={integration} canManage={can("integrations:manage")} />
      </Suspense>
    </>
  );
}

/** Connection, tokens, counts, health and retention: the request log and people counts behind the skeleton. */
async function IntegrationDetail({ tenantId, integration, canManage }: { tenantId: string; integration: Integration; canManage: boolean }) {
  const db = await getDb();
  const tokens = await listTokens(db, tenantId, { integrationId: integration.id });
  const siblings = await listIntegrations(db, tenantId);
  const managed = siblings.find((i) => i.id === integration.id)?.people ?? 0;
  const active = integration.status === "active";
  const view = await readIntegrationHealth(db, integration, new Date());
  return (
    <>
      <div className="space-y-6">
        <Card className="p-6">
          <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
            <section aria-labelledby="provisioning-heading" className="min-w-0 space-y-4">
              <div>
                <h2 id="provisioning-heading" className="text-base font-semibold text-slate-900">
                  User Provisioning
                </h2>
                <p className="mt-1 text-sm text-slate-600">
                  {integration.provider === "okta"
                    ? "Okta connects with the Tenant URL as its Base URL, the App key as username and a Secret Token as password."
                    : "Your identity provider connects with the Tenant URL and a Secret Token."}
                </p>
              </div>
              <CopyField id="tenant-url" label="Tenant URL" value={tenantUrl(integration)} />
              {integration.provider === "okta" ? <CopyField id="app-key" label="App key" value={integration.appKey} /> : null}
              <dl className="grid grid-cols-2 gap-4 border-t border-slate-100 pt-4 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-500">Installed</dt>
                  <dd className="mt-0.5 text-slate-900">{formatDateTime(integration.createdAt)}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">Last request</dt>
                  <dd className="mt-0.5 text-slate-900">{integration.lastRequestAt ? formatDateTime(integration.lastRequestAt) : "Never"}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">People</dt>
                  <dd className="mt-0.5 text-slate-900">
                    <Link href={`/people?integration=${integration.id}`} className="tabular-nums hover:text-brand-700 hover:underline">
                      {managed.toLocaleString("en")}
                    </Link>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500">Live tokens</dt>
                  <dd className="mt-0.5 text-slate-900">{tokens.filter((t) => t.status === "active").length}</dd>
                </div>
              </dl>
            </section>
            <div className="min-w-0 border-t border-slate-100 pt-6 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-8">
              <SetupSteps provider={integration.provider} />
            </div>
          </div>
        </Card>
        {view ? <ConnectionPanel integration={integration} view={view} canManage={canManage} /> : null}
        {view ? <LiveRequests integrationId={integration.id} initial={view.live} waiting={view.health.state === "waiting"} /> : null}
        {integration.settings.matchExisting === "takeOver" ? <MovingHere name={integration.name} others={siblings.filter((i) => i.id !== integration.id)} /> : null}
        <Card className="p-6">
          <TokensCard integrationId={integration.id} provider={integration.provider} tokens={tokens} canManage={canManage} />
        </Card>
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className={`min-w-0 p-6 ${canManage ? "lg:col-span-2" : "lg:col-span-3"}`}>
            <section aria-labelledby="settings-heading">
              <h2 id="settings-heading" className="text-base font-semibold text-slate-900">
                Behaviour settings
              </h2>
              <p className="mt-1 mb-5 text-sm text-slate-600">How this integration’s requests change people and groups.</p>
              {canManage ? <SettingsForm integrationId={integration.id} settings={integration.settings} /> : <SettingsSummary settings={integration.settings} />}
            </section>
          </Card>
          {canManage ? (
            <div className="min-w-0 space-y-6">
              <Card className="p-6">
                <h2 className="mb-3 text-base font-semibold text-slate-900">Name</h2>
                <RenameForm integrationId={integration.id} name={integration.name} />
              </Card>
              <Card className="min-w-0 p-6">
                <h2 className="text-base font-semibold text-slate-900">{active ? "Disable" : "Enable"}</h2>
                <p className="mt-1 mb-4 text-sm text-slate-600">
                  {active
                    ? "Stop provisioning without losing anything: tokens are refused until you enable it again."
                    : "Accept this integration’s live tokens again."}
                </p>
                <StatusControl integration={integration} />
              </Card>
              <Card className="p-6">
                <h2 className="text-base font-semibold text-slate-900">Uninstall</h2>
                <p className="mt-1 mb-4 text-sm text-slate-600">Remove this integration, choosing what happens to the people it provisioned.</p>
                <UninstallControl integration={integration} people={managed} />
              </Card>
            </div>
          ) : null}
        </div>
        {view ? <AlertHistory integration={integration} alerts={view.alerts} canManage={canManage} /> : null}
        <RetentionCard
          integration={integration}
          canManage={canManage}
          preview={await previewRetention(db, { tenantId, integrationId: integration.id }, new Date())}
          everySeconds={env().RETENTION_INTERVAL_SECONDS}
        />
      </div>
    </>
  );
}
