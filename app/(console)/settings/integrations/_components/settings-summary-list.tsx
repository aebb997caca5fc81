/** One read-only setting: its label, its value as words, and what it does. */
export type SummaryRow = [label: string, value: string, description: string];

/** Settings as viewers see them: each label and description beside its value. */
export function SettingsSummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {rows.map(([label, value, description]) => (
        <div key={label} className="py-3 first:pt-0 last:pb-0 sm:grid sm:grid-cols-[minmax(0,1fr)_auto] sm:gap-x-6">
          <dt className="font-medium text-slate-900 sm:col-start-1">{label}</dt>
          <dd className="mt-1 shrink-0 font-medium text-slate-900 sm:col-start-2 sm:row-span-2 sm:row-start-1 sm:mt-0">{value}</dd>
          <dd className="text-slate-500 sm:col-start-1">{description}</dd>
        </div>
      ))}
    </dl>
  );
}
