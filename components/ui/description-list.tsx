/** Label and value pairs in a responsive grid; an empty value shows a dash. */
export function DescriptionList({ items }: { items: { label: string; value: React.ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{item.label}</dt>
          <dd className="mt-1 text-sm wrap-anywhere text-slate-900">
            {item.value === null || item.value === undefined || item.value === "" ? <span className="text-slate-500">—</span> : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
