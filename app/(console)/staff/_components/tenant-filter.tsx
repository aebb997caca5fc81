"use client";

import Form from "next/form";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";

const PAGE = "/staff/tenants";
/** Long enough that typing a name is one request, short enough to feel immediate. */
const SETTLE_MS = 300;

/**
 * Type-to-filter over the tenants: the list follows the box as staff type, and the URL keeps
 * the filter (a reload, the Back button or a shared link shows the same list). Without
 * JavaScript it is a GET form.
 */
export function TenantFilter({ value }: { value: string }) {
  const router = useRouter();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  /** Filters this box asked the URL for, oldest first, not yet all arrived. */
  const [asked, setAsked] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  if (value !== shown) {
    setShown(value);
    if (asked.includes(value)) {
      // One of ours arrived (maybe an older one while staff kept typing): keep what they type.
      setAsked(asked.slice(asked.indexOf(value)));
    } else {
      // The URL changed under the box (Back, the Tenants link): show its filter.
      setText(value);
      setAsked([]);
    }
  }
  const wanted = text.trim();
  const waiting = wanted === value || asked.at(-1) === wanted;
  useEffect(() => {
    if (waiting) return;
    const timer = setTimeout(() => {
      setAsked((list) => [...list, wanted]);
      startTransition(() => router.replace(wanted ? `${PAGE}?q=${encodeURIComponent(wanted)}` : PAGE));
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [wanted, waiting, router]);
  return (
    <Form action={PAGE} role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center">
      <label htmlFor="tenant-filter" className="sr-only">
        Search tenants
      </label>
      <input
        id="tenant-filter"
        name="q"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Filter by tenant name or slug"
        autoComplete="off"
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 focus:outline-none sm:max-w-sm"
      />
      <noscript>
        <button type="submit" className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset">
          Search
        </button>
      </noscript>
      <span aria-live="polite" className="text-xs text-slate-500">
        {pending ? "Filtering…" : ""}
      </span>
    </Form>
  );
}
