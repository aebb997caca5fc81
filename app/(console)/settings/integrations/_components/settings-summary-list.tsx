/** One read-only setting: its label, its value as words, and what it does. */
export type SummaryRow = [label: string, value: string, description: string];

/** Settings as viewers see them: each label and description beside its value. */
export function SettingsSummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {rows.map(([label, value, description]) => (
        <div key={label} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:justify-between sm:gap-6">
          <div>
            <dt className="font-medium text-slate-900">{label}</dt>
            <p className="text-slate-500">{description}</p>
          </div>
          <dd className="shrink-0 font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
