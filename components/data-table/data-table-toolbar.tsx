"use client";

import Form from "next/form";
import { useSearchParams } from "next/navigation";

export type ToolbarFilter = {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
};

const control =
  "block rounded-md border-0 bg-white py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none";

/**
 * A table's search box and filters as a GET form: the URL holds the state, Enter or a new
 * choice reloads the list from the server (back on page 1), and the current sort is kept.
 * Works before JavaScript has loaded, with the Apply button.
 */
export function DataTableToolbar({
  action,
  search,
  filters = [],
}: {
  action: string;
  search?: { label: string; placeholder: string; value: string };
  filters?: ToolbarFilter[];
}) {
  const searchParams = useSearchParams();
  const kept = ["sort", "dir"].flatMap((name) => {
    const value = searchParams.get(name);
    return value ? [{ name, value }] : [];
  });
  return (
    <Form action={action} role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      {kept.map((k) => (
        <input key={k.name} type="hidden" name={k.name} value={k.value} />
      ))}
      {search ? (
        <>
          <label htmlFor={`${action}-search`} className="sr-only">
            {search.label}
          </label>
          <input
            id={`${action}-search`}
            name="q"
            type="search"
            defaultValue={search.value}
            key={search.value}
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
