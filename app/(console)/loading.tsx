/** Shown in the content area while a console page renders; the navigation stays usable. */
export default function ConsoleLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">Loading…</span>
      <div aria-hidden className="h-7 w-48 rounded bg-slate-200" />
      <div aria-hidden className="h-4 w-80 max-w-full rounded bg-slate-100" />
      <div aria-hidden className="h-64 rounded-xl bg-white ring-1 ring-slate-200" />
    </div>
  );
}
