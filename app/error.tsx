"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-red-600">Something went wrong</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">The console could not load this page</h1>
        <p className="mt-2 text-sm text-slate-600">
          This is usually the database being unreachable. Nothing was changed. Try again in a moment; if it persists, check{" "}
          <code className="rounded bg-slate-100 px-1">/api/health</code>.
        </p>
        {error.digest ? <p className="mt-2 text-xs text-slate-400">Reference {error.digest}</p> : null}
        <button onClick={reset} className="mt-6 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Try again
        </button>
      </div>
    </main>
  );
}
