import Form from "next/form";
import Link from "next/link";
import type { ActivitySearchParams } from "../search-params";

const control =
  "block w-full rounded-md border-0 bg-white py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-brand-600 focus:outline-none";
const labelClass = "mb-1 block text-xs font-medium text-slate-600";

type Choice = { value: string; label: string };

function Select({ name, label, value, options, className }: { name: string; label: string; value: string; options: Choice[]; className: string }) {
  return (
    <div className={className}>
      <label htmlFor={`activity-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`activity-${name}`} name={name} defaultValue={value} key={value} className={`${control} pr-8 pl-3`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Activity's filters as a GET form: the URL holds them, so a filtered view can be shared and
 * the back button returns to it. Works before JavaScript has loaded. From 640 px the fields
 * wrap at widths that fit their longest choice (an equal grid cut integration names short);
 * on a phone they pair up two to a row.
 */
export function ActivityFilters({
  state,
  integrations,
  methods,
}: {
  state: ActivitySearchParams;
  integrations: Choice[];
  methods: readonly string[];
}) {
  return (
    <Form action="/activity" role="search" aria-label="Filter requests" className="mb-4 grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      <div className="col-span-2 sm:w-72 sm:grow">
        <label htmlFor="activity-person" className={labelClass}>
          Person
        </label>
        <input
          id="activity-person"
          name="person"
          type="search"
          defaultValue={state.person ?? ""}
          key={state.person ?? ""}
          placeholder="userName, email or id"
          className={`${control} px-3`}
        />
      </div>
      <Select className="col-span-2 sm:w-64" name="integration" label="Integration" value={state.integration ?? ""} options={[{ value: "", label: "All integrations" }, ...integrations]} />
      <Select
        className="sm:w-40"
        name="outcome"
        label="Outcome"
        value={state.outcome}
        options={[
          { value: "all", label: "All outcomes" },
          { value: "failures", label: "Failures only" },
        ]}
      />
      <Select className="sm:w-40" name="method" label="Method" value={state.method} options={[{ value: "all", label: "All methods" }, ...methods.map((m) => ({ value: m, label: m }))]} />
      <div className="sm:w-28">
        <label htmlFor="activity-status" className={labelClass}>
          Status
        </label>
        <input
          id="activity-status"
          name="status"
          defaultValue={state.status ?? ""}
          key={state.status ?? ""}
          placeholder="404 or 4xx"
          inputMode="text"
          maxLength={3}
          className={`${control} px-3`}
        />
      </div>
      <div className="sm:w-44">
        <label htmlFor="activity-from" className={labelClass}>
          From (UTC)
        </label>
        <input id="activity-from" name="from" type="date" defaultValue={state.from ?? ""} key={state.from ?? ""} className={`${control} px-2`} />
      </div>
      <div className="sm:w-44">
        <label htmlFor="activity-to" className={labelClass}>
          To (UTC)
        </label>
        <input id="activity-to" name="to" type="date" defaultValue={state.to ?? ""} key={state.to ?? ""} className={`${control} px-2`} />
      </div>
      <div className="col-span-2 flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
        >
          Apply filters
        </button>
        <Link href="/activity" className="text-sm font-medium text-brand-700 hover:underline">
          Clear
        </Link>
      </div>
    </Form>
  );
}
