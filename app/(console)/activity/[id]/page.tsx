import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { firstValues, type RawSearchParams } from "@/components/data-table/search-params";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { formatPreciseDateTime } from "@/components/ui/format-precise";
import { OutcomeBadge } from "../_components/outcome-badge";
import { getDb } from "@/db/client";
import { getRequestLogEntry } from "@/lib/activity/get-request-log-entry";
import { pathWithQuery } from "@/lib/activity/path-with-query";
import { requestOutcome } from "@/lib/activity/request-outcome";
import { requireConsole } from "@/lib/auth/console-context";


export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { tenant } = await requireConsole("tenant:read");
  const entry = await getRequestLogEntry(await getDb(), tenant.id, (await params).id);
  return { title: entry ? `${entry.method} ${entry.path} · Activity` : "Activity" };
}

/** The person or role a request addressed by id (`/Users/{id}`, `/Groups/{id}`), to open it. */
function subjectOf(path: string): { href: string; label: string } | null {
  const match = /^\/(Users|Groups)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(path);
  if (!match) return null;
  return match[1].toLowerCase() === "users" ? { href: `/people/${match[2]}`, label: "Open the person" } : { href: `/roles/${match[2]}`, label: "Open the role" };
}

/** Back to the filtered list the entry was opened from, and only ever to the Activity page. */
function backHref(from: string | undefined): string {
  return from && /^\/activity(\?[^\s]*)?$/.test(from) ? from : "/activity";
}

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { tenant } = await requireConsole("tenant:read");
  const { id } = await params;
  const { from } = firstValues(await searchParams);
  const entry = await getRequestLogEntry(await getDb(), tenant.id, id);
  if (!entry) notFound();
  const failed = entry.status >= 400;
  // A 404 named an id that is not there: nothing to open.
  const subject = entry.status === 404 ? null : subjectOf(pathWithQuery({ ...entry, query: "" }, { belowTenantUrl: true }));

  return (
    <>
      <Link href={backHref(from)} className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← Activity
      </Link>
      <div className="mt-2 mb-6 flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-lg font-semibold wrap-anywhere text-slate-900 sm:text-xl">
          {entry.method} {pathWithQuery({ ...entry, query: "" }, { belowTenantUrl: true })}
        </h1>
        <OutcomeBadge request={{ status: entry.status, outcome: requestOutcome(entry) }} />
        {subject ? (
          <Link href={subject.href} className="text-sm font-medium text-brand-700 hover:underline">
            {subject.label} →
          </Link>
        ) : null}
      </div>
      {entry.authenticated ? null : (
        <div className="mb-6">
          <Alert tone="info">
            <p className="font-semibold">Unauthenticated request</p>
            <p className="mt-1">
              It was refused before its credentials were accepted, so it may not come from your identity provider:
              anyone who knows the Tenant URL can send one. Only this summary is kept, never its query or body.
            </p>
          </Alert>
        </div>
      )}
      {failed ? (
        <div className="mb-6">
          <Alert>
            <p className="font-semibold">
              {entry.status} {entry.scimType ? <code className="font-mono">{entry.scimType}</code> : null}
            </p>
            {entry.detail ? <p className="mt-1">{entry.detail}</p> : null}
          </Alert>
        </div>
      ) : entry.detail ? (
        <div className="mb-6">
          <Alert tone="info">{entry.detail}</Alert>
        </div>
      ) : null}
      <Card className="p-5">
        <DescriptionList
          items={[
            { label: "Time", value: formatPreciseDateTime(entry.createdAt) },
            { label: "Integration", value: entry.integrationName },
            { label: "Latency", value: `${entry.latencyMs.toLocaleString("en-GB")} ms` },
            { label: "Request id", value: <code className="font-mono text-xs wrap-anywhere">{entry.requestId}</code> },
            { label: "User agent", value: entry.userAgent },
            { label: "Source address", value: entry.sourceAddress ?? "Not known (no trusted proxy reported it)" },
            { label: "Path and query", value: <code className="font-mono text-xs wrap-anywhere">{pathWithQuery(entry)}</code> },
          ]}
        />
      </Card>
      <h2 className="mt-8 mb-2 text-base font-semibold text-slate-900">Request body</h2>
      {entry.requestBody === null || entry.requestBody === undefined ? (
        <p className="text-sm text-slate-600">
          {entry.method === "GET" || entry.method === "HEAD"
            ? "A read has no body."
            : entry.authenticated
              ? "The request had no body."
              : "Not kept: the body of an unauthenticated request is never stored."}
        </p>
      ) : (
        <>
          <p className="mb-2 text-xs text-slate-500">
            {entry.bodyTruncated
              ? "Over 64 KiB: only the first 64 KiB of it are kept, with passwords and secrets replaced by [redacted]."
              : "As received, with passwords and secrets replaced by [redacted]."}
          </p>
          <pre className="max-h-[32rem] overflow-auto rounded-xl bg-slate-900 p-4 font-mono text-xs leading-relaxed wrap-anywhere whitespace-pre-wrap text-slate-100">
            {entry.bodyTruncated && typeof entry.requestBody === "string" ? `${entry.requestBody} …` : JSON.stringify(entry.requestBody, null, 2)}
          </pre>
        </>
      )}
    </>
  );
}
