"use client";

/**
 * A console page that failed to render: shown inside the console layout, so the navigation
 * and the user menu stay usable and another page is one click away.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl bg-white px-6 py-12 text-center shadow-sm ring-1 ring-slate-200">
      <p className="text-sm font-semibold text-red-700">Something went wrong</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">This page could not be loaded</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
        Nothing was changed. Try again in a moment, or open another page from the navigation. If it persists, check{" "}
        <code className="rounded bg-slate-100 px-1">/api/health</code>.
      </p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">Reference {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        Try again
      </button>
    </div>
  );
}
