import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { z } from "zod";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { listState, redirectPastLastPage } from "@/components/data-table/list-state";
import { choiceParam, PAGE_SIZE, pageParam, pageWindow, type RawSearchParams } from "@/components/data-table/search-params";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { HistoryTimeline } from "@/components/ui/history-timeline";
import { LinkTabs } from "@/components/ui/link-tabs";
import { ContentSkeleton } from "@/components/ui/skeleton";
import { PersonStatusBadge } from "@/components/ui/status-badges";
import { getDb } from "@/db/client";
import { requireConsole } from "@/lib/auth/console-context";
import { describeHistory } from "@/lib/history/describe-event";
import { listHistory } from "@/lib/history/list-history";
import { managerReferences } from "@/lib/history/manager-references";
import { findPeopleByReference } from "@/lib/people/find-people-by-reference";
import { getPersonProfile, type PersonProfile } from "@/lib/people/get-person-profile";
import { findScheduledPurge } from "@/lib/retention/find-scheduled-purge";
import { PersonProfileCard } from "../_components/person-profile-card";
import { PersonActions } from "./_components/person-actions";
import { PurgedPerson } from "./_components/purged-person";
import { RawScimResource } from "./_components/raw-scim-resource";
import { ScheduledPurgeNotice } from "./_components/scheduled-purge-notice";

const tabSchema = z.object({ tab: choiceParam(["profile", "roles", "history", "raw"], "profile"), page: pageParam });
type PersonTabState = z.infer<typeof tabSchema>;
/** The tab and History page in the person's URL. */
const personTabs = listState(tabSchema);

type Params = { params: Promise<{ id: string }> };

/** Read once per request for both the title and the page. */
const loadPerson = cache(async (id: string) => {
  const { tenant } = await requireConsole("tenant:read");
  return getPersonProfile(await getDb(), tenant.id, id);
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const person = await loadPerson((await params).id);
  return { title: person && !person.purgedAt ? `${person.displayName} · People` : "Person · People" };
}

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { tenant, can } = await requireConsole("tenant:read");
  const { id } = await params;
  const state = personTabs.parse(await searchParams);
  // Found (or 404) before the Suspense boundary below: streaming starts there, with status 200.
  const person = await loadPerson(id);
  if (!person) notFound();
  if (person.purgedAt) {
    const tombstone = await listHistory(await getDb(), tenant.id, { type: "person", id: person.id }, { limit: 1, offset: 0 });
    return <PurgedPerson id={person.id} purgedAt={person.purgedAt} tombstone={tombstone.rows[0]} />;
  }

  return (
    <>
      <Link href="/people" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← People
      </Link>
      <div className="mt-2 mb-6 flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere text-slate-900">{person.displayName}</h1>
        <PersonStatusBadge status={person.status} />
        <p className="w-full text-sm wrap-anywhere text-slate-600">
          {person.userName}
          {person.integration ? <> · provisioned by {person.integration.name}</> : null}
        </p>
        {can("people:manage") ? (
          <div className="mt-2 w-full">
            <PersonActions
              subject={{
                id: person.id,
                version: person.version,
                name: person.displayName,
                userName: person.userName,
                status: person.status,
                integrationName: person.integration?.name ?? null,
              }}
            />
          </div>
        ) : null}
      </div>
      <Suspense fallback={<ContentSkeleton label={`Loading ${person.displayName}’s details…`} />}>
        <PersonDetail tenantId={tenant.id} person={person} state={state} />
      </Suspense>
    </>
  );
}

/**
 * A person's tabs and what they read beyond the profile (History and its count, a scheduled
 * purge, managers' names): the page streams them behind a skeleton once the person is found.
 */
async function PersonDetail({ tenantId, person, state: { tab, page } }: { tenantId: string; person: PersonProfile; state: PersonTabState }) {
  const db = await getDb();
  const history = await listHistory(db, tenantId, { type: "person", id: person.id }, tab === "history" ? pageWindow(page) : { limit: 0, offset: 0 });
  const scheduledPurge = await findScheduledPurge(db, tenantId, person.id);
  const managers = await findPeopleByReference(db, tenantId, managerReferences(history.rows));
  const base = `/people/${person.id}`;
  const historyHref = (p: number) => personTabs.href(base, { tab: "history", page: p });
  if (tab === "history") redirectPastLastPage(page, history.total, historyHref);

  return (
    <>
      {scheduledPurge ? (
        <div className="-mt-2 mb-6">
          <ScheduledPurgeNotice purge={scheduledPurge} now={new Date()} />
        </div>
      ) : null}
      <LinkTabs
        label="Person"
        tabs={[
          { href: base, label: "Profile", current: tab === "profile" },
          { href: `${base}?tab=roles`, label: "Roles", count: person.roles.length, current: tab === "roles" },
          { href: `${base}?tab=history`, label: "History", count: history.total, current: tab === "history" },
          { href: `${base}?tab=raw`, label: "Raw SCIM", current: tab === "raw" },
        ]}
      />
      {tab === "profile" ? <PersonProfileCard person={person} /> : null}
      {tab === "raw" ? <RawScimResource resource={person.resource} /> : null}
      {tab === "roles" ? (
        <Card>
          {person.roles.length === 0 ? (
            <EmptyState title="No roles">
              Roles come from the groups the identity provider assigns {person.displayName} to.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Roles">
              {person.roles.map((role) => (
                <li key={role.id}>
                  <Link href={`/roles/${role.id}`} className="flex items-center justify-between px-5 py-3 text-sm font-medium text-slate-900 hover:bg-slate-50 hover:text-brand-700">
                    {role.name}
                    <span aria-hidden className="text-slate-400">→</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
      {tab === "history" ? (
        <>
          <Card>
            {history.total === 0 ? (
              <EmptyState title="No History yet">Every change an identity provider makes to {person.displayName} is recorded here.</EmptyState>
            ) : (
              <HistoryTimeline items={describeHistory(history.rows, "person", person.displayName, managers)} requestHref={(requestId) => `/activity?request=${encodeURIComponent(requestId)}`} />
            )}
          </Card>
          <DataTablePagination page={page} pageSize={PAGE_SIZE} total={history.total} noun="events" hrefForPage={historyHref} />
        </>
      ) : null}
    </>
  );
}
