"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PersonStatusBadge } from "@/components/ui/status-badges";
import type { FormState } from "@/lib/auth/form-action";
import { findPeopleAction, type PeopleSearchResult } from "../actions";
import { OpenTenantButton } from "./open-tenant-button";

type State = FormState & PeopleSearchResult;

/** Rows stack on a phone, a table from md up. */
const cell = "block px-4 py-1 md:table-cell md:py-2";

/**
 * "Which tenant is this user in": a POST, so what staff typed (often an email) stays out of
 * URLs and browser history, and each search is audited once.
 */
export function PeopleSearch() {
  const [state, action, pending] = useActionState<State, FormData>(findPeopleAction, {});
  const error = state.fieldErrors?.query;
  return (
    <div className="space-y-4">
      <form action={action} role="search" noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="w-full sm:max-w-md">
          <label htmlFor="person-query" className="sr-only">
            Email or userName
          </label>
          <input
            id="person-query"
            name="query"
            type="search"
            defaultValue={state.values?.query}
            placeholder="Email or userName, or how it starts"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "person-query-error" : undefined}
            className={`block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:outline-none ${error ? "ring-red-400 focus:ring-red-500" : "ring-slate-300 focus:ring-brand-600"}`}
          />
          {error ? (
            <p id="person-query-error" className="mt-1.5 text-sm text-red-600">
              {error}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Searching…" : "Search every tenant"}
        </Button>
      </form>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.found ? <Results found={state.found} /> : null}
    </div>
  );
}

function Results({ found }: { found: NonNullable<PeopleSearchResult["found"]> }) {
  if (found.rows.length === 0) {
    return (
      <Card>
        <EmptyState title="No one found">No email address or userName in any tenant is or starts with “{found.query}”.</EmptyState>
      </Card>
    );
  }
  return (
    <>
      <p className="text-sm text-slate-600" aria-live="polite">
        {found.more ? `The first ${found.rows.length} people` : `${found.rows.length} ${found.rows.length === 1 ? "person" : "people"}`} whose email or userName
        is or starts with “{found.query}”{found.more ? ": type more of it to narrow the list." : "."}
      </p>
      <Card className="overflow-x-auto">
        <table className="block w-full text-left text-sm md:table">
          <caption className="sr-only">People found</caption>
          <thead className="hidden border-b border-slate-200 text-xs text-slate-500 md:table-header-group">
            <tr>
              <th className="px-4 py-2 font-medium">Person</th>
              <th className="px-4 py-2 font-medium">Tenant</th>
              <th className="px-4 py-2 font-medium">Integration</th>
              <th className="px-4 py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 md:table-row-group">
            {found.rows.map((person) => (
              <tr key={person.id} className="block py-2 align-top md:table-row md:py-0">
                <td className={cell}>
                  <OpenTenantButton slug={person.tenant.slug} next={`/people/${person.id}`} variant="link">
                    {person.name}
                  </OpenTenantButton>
                  <p className="text-xs break-all text-slate-500">{person.primaryEmail ?? person.userName}</p>
                  {person.primaryEmail && person.primaryEmail !== person.userName ? (
                    <p className="text-xs break-all text-slate-500">userName {person.userName}</p>
                  ) : null}
                </td>
                <td className={cell}>
                  <span className="text-xs text-slate-500 md:hidden">Tenant </span>
                  <p className="inline font-medium text-slate-900 md:block">{person.tenant.name}</p>{" "}
                  <p className="inline font-mono text-xs text-slate-500 md:block">{person.tenant.slug}</p>
                </td>
                <td className={`${cell} text-slate-700`}>
                  <span className="text-xs text-slate-500 md:hidden">Integration </span>
                  {person.integrationName ?? "Removed integration"}
                </td>
                <td className={cell}>
                  <PersonStatusBadge status={person.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
