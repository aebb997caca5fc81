import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { ConnectionStateBadge } from "@/components/connection-state-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ContentSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { chartRange, type ChartRange } from "@/lib/connection-health/read-request-series";
import type { SeriesPoint } from "@/lib/connection-health/read-request-series";
import { providerLabels } from "@/lib/integrations/provider-defaults";
import { readOverview, type Overview } from "@/lib/overview/read-overview";
import { RequestChart } from "./_components/request-chart";

export const metadata: Metadata = { title: "Overview" };

const rangeLabels: Record<ChartRange, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };
const hourFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const dayHourFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

function chartPoints(series: SeriesPoint[], range: ChartRange) {
  const format = range === "24h" ? hourFormat : range === "7d" ? dayHourFormat : dayFormat;
  return series.map((p) => ({ label: format.format(p.start), requests: p.requests, failures: p.failures }));
}

function Counts({ counts }: { counts: Overview["counts"] }) {
  const items: [string, number, string][] = [
    ["Active people", counts.active, "/people?status=active"],
    ["Inactive people", counts.inactive, "/people?status=inactive"],
    ["Deleted people", counts.deleted, "/people?status=deleted"],
    ["Roles", counts.roles, "/roles"],
    ["Changes today (UTC)", counts.changesToday, "/activity"],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {items.map(([label, value, href]) => (
        <Card key={label} className="p-4">
          <dt className="text-xs font-medium text-slate-500">{label}</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">
            <Link href={href} className="hover:text-brand-700">
              {value.toLocaleString("en")}
            </Link>
          </dd>
        </Card>
      ))}
    </dl>
  );
}

function RangeTabs({ range }: { range: ChartRange }) {
  return (
    <nav aria-label="Chart range" className="flex gap-1 text-sm">
      {(Object.keys(rangeLabels) as ChartRange[]).map((key) => (
        <Link
          key={key}
          href={`/?range=${key}`}
          aria-current={key === range ? "page" : undefined}
          className={`rounded-md px-2.5 py-1 font-medium ${key === range ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {key}
        </Link>
      ))}
    </nav>
  );
}

function IntegrationCard({ row, range }: { row: Overview["integrations"][number]; range: ChartRange }) {
  const { health, facts } = row;
  return (
    <Card className="min-w-0 p-5">
      <article aria-labelledby={`integration-${row.id}`}>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 id={`integration-${row.id}`} className="font-semibold text-slate-900">
              <Link href={`/settings/integrations/${row.id}`} className="hover:text-brand-700 hover:underline">
                {row.name}
              </Link>
            </h3>
            <p className="text-xs text-slate-500">{providerLabels[row.provider]}</p>
          </div>
          <ConnectionStateBadge state={health.state} />
        </div>
        <p className="mt-3 text-sm text-slate-700" data-testid="connection-summary">
          {health.summary}
        </p>
        {health.quarantine ? <p className="mt-1 text-sm text-slate-600">{health.quarantine}</p> : null}
        <dl className="mt-3 grid grid-cols-2 gap-2 text-xs sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Last hour</dt>
            <dd className="text-slate-900 tabular-nums">
              {facts.hour.requests} {facts.hour.requests === 1 ? "request" : "requests"}, {facts.hour.failures} failed
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Last success</dt>
            <dd className="text-slate-900">{formatDateTime(facts.lastSuccessAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Last failure</dt>
            <dd className="text-slate-900">{formatDateTime(facts.lastFailureAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">People</dt>
            <dd className="text-slate-900 tabular-nums">{row.people.toLocaleString("en")}</dd>
          </div>
        </dl>
        <div className="mt-4">
          <RequestChart points={chartPoints(row.series, range)} caption={`${rangeLabels[range]}, UTC`} />
        </div>
      </article>
    </Card>
  );
}

function LatestChanges({ latest }: { latest: Overview["latest"] }) {
  return (
    <Card className="p-5">
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="font-semibold text-slate-900">
          Latest changes
        </h2>
        {latest.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No changes yet: people and roles appear here as your identity provider provisions them.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {latest.map((event) => (
              <li key={event.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <Link href={`/${event.subjectType === "person" ? "people" : "roles"}/${event.subjectId}`} className="min-w-0 font-medium wrap-anywhere text-slate-900 hover:text-brand-700 hover:underline">
                  {event.sentence}
                </Link>
                <span className="text-xs text-slate-500">
                  {event.actorLabel} · {formatDateTime(event.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}

/** The console's landing page: is provisioning working, and what changed. */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant, can } = await requireConsole();
  if (!can("tenant:read")) redirect("/profile");
  const range = chartRange.parse((await searchParams).range);
  return (
    <>
      <PageHeader title="Overview" description={`Whether ${tenant.name}'s identity providers are provisioning, and what they changed.`} />
      <Suspense fallback={<ContentSkeleton label="Loading the overview…" shape="cards" />}>
        <OverviewContent tenantId={tenant.id} range={range} />
      </Suspense>
    </>
  );
}

/** Counts, each integration's health and chart, and the latest changes: a year of request log behind the skeleton. */
async function OverviewContent({ tenantId, range }: { tenantId: string; range: ChartRange }) {
  const overview = await readOverview(await getDb(), tenantId, range, new Date());
  return (
    <>
      <Counts counts={overview.counts} />
      <section aria-labelledby="integrations-heading" className="mt-8">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="integrations-heading" className="text-base font-semibold text-slate-900">
            Integrations
          </h2>
          <RangeTabs range={range} />
        </div>
        {overview.integrations.length === 0 ? (
          <Card className="p-5 text-sm text-slate-600">
            No integration yet. <Link href="/settings/integrations/marketplace" className="font-medium text-brand-700 hover:underline">Install one from the marketplace</Link> to start provisioning.
          </Card>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {overview.integrations.map((row) => (
              <IntegrationCard key={row.id} row={row} range={range} />
            ))}
          </div>
        )}
      </section>
      <div className="mt-8">
        <LatestChanges latest={overview.latest} />
      </div>
    </>
  );
}
