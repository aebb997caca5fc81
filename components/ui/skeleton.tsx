import { Card } from "./card";

/**
 * What a console page shows while its data loads: announced once to screen readers, and
 * shaped like what is coming (a toolbar and a table, or a few cards) so nothing jumps when
 * it arrives. Pages render it as the fallback of a Suspense boundary placed after their
 * notFound() checks, so an unknown id still answers 404 (streaming starts at the boundary).
 */
export function ContentSkeleton({ label, shape = "table" }: { label: string; shape?: "table" | "cards" }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{label}</span>
      {shape === "table" ? <TableShape /> : <CardsShape />}
    </div>
  );
}

function TableShape() {
  return (
    <div aria-hidden>
      <div className="mb-4 flex flex-wrap gap-3">
        <div className="h-9 w-full max-w-sm rounded-md bg-slate-200" />
        <div className="h-9 w-40 rounded-md bg-slate-200" />
      </div>
      <Card>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-5 py-3.5 last:border-b-0">
            <div className="h-4 w-1/4 rounded bg-slate-200" />
            <div className="h-4 w-1/3 rounded bg-slate-100" />
            <div className="ml-auto h-4 w-16 rounded bg-slate-100" />
          </div>
        ))}
      </Card>
    </div>
  );
}

function CardsShape() {
  return (
    <div aria-hidden className="space-y-6">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="h-20 rounded-xl bg-white ring-1 ring-slate-200" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-64 rounded-xl bg-white ring-1 ring-slate-200" />
        <div className="h-64 rounded-xl bg-white ring-1 ring-slate-200" />
      </div>
    </div>
  );
}
