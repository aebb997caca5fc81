"use client";

import Form from "next/form";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

export type ToolbarFilter = {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
};

const control =
  "block rounded-md border-0 bg-white py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none";

/** How long typing pauses before the list follows it: one request per burst of keystrokes. */
export const TYPE_TO_FILTER_DELAY_MS = 300;

/** The form's fields as a query string, empty ones left out: the URL the GET form would open. */
function queryOf(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * A table's search box and filters as a GET form: the URL holds the state, Enter or a new
 * choice reloads the list from the server (back on page 1), and the current sort is kept.
 * Works before JavaScript has loaded, with the Apply button.
 *
 * With `search.live`, the list also follows the search box as the user types, after a
 * pause. Keystrokes replace the current history entry instead of pushing one each, so Back
 * returns to the previous real navigation (a filter choice, another page), not to every
 * prefix typed.
 */
export function DataTableToolbar({
  action,
  search,
  filters = [],
}: {
  action: string;
  search?: { label: string; placeholder: string; value: string; live?: boolean };
  filters?: ToolbarFilter[];
}) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = search?.live === true;
  const value = search?.value ?? "";
  // The box is not remounted on each URL change while live (it would lose focus mid-word);
  // a value coming from elsewhere (Back, a link) is written in when the user isn't typing.
  useEffect(() => {
    const box = input.current;
    if (live && box && document.activeElement !== box && box.value !== value) box.value = value;
  }, [live, value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onType = (event: React.ChangeEvent<HTMLInputElement>) => {
    const form = event.currentTarget.form;
    clearTimeout(timer.current);
    if (!form) return;
    timer.current = setTimeout(() => router.replace(`${action}${queryOf(form)}`, { scroll: false }), TYPE_TO_FILTER_DELAY_MS);
  };
  const kept = ["sort", "dir"].flatMap((name) => {
    const value = searchParams.get(name);
    return value ? [{ name, value }] : [];
  });
  return (
    <Form action={action} role="search" onSubmit={() => clearTimeout(timer.current)} className="mb-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      {kept.map((k) => (
        <input key={k.name} type="hidden" name={k.name} value={k.value} />
      ))}
      {search ? (
        <>
          <label htmlFor={`${action}-search`} className="sr-only">
            {search.label}
          </label>
          <input
            ref={input}
            id={`${action}-search`}
            name="q"
            type="search"
            defaultValue={search.value}
            key={live ? "live" : search.value}
            onChange={live ? onType : undefined}
            placeholder={search.placeholder}
            className={`${control} w-full px-3 placeholder:text-slate-400 sm:max-w-sm`}
          />
        </>
      ) : null}
      {filters.map((filter) => (
        <div key={filter.name}>
          <label htmlFor={`${action}-${filter.name}`} className="sr-only">
            {filter.label}
          </label>
          <select
            id={`${action}-${filter.name}`}
            name={filter.name}
            defaultValue={filter.value}
            key={filter.value}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className={`${control} w-full pr-8 pl-3 sm:w-auto`}
          >
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button
        type="submit"
        className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
      >
        {search ? "Search" : "Apply"}
      </button>
    </Form>
  );
}
