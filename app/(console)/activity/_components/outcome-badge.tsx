import type { RequestOutcome } from "@/lib/activity/request-outcome";

/**
 * A request's status as its outcome: a failure in solid red with an icon and the word
 * "Failed" (never colour alone), Entra's routine 404 lookups in grey (a shorter word on a
 * phone, so the badge stays inside its row), successes in green.
 */
export function OutcomeBadge({ request }: { request: { outcome: RequestOutcome; status: number } }) {
  const { outcome } = request;
  if (outcome === "failure") {
    return (
      <span className="inline-flex items-center gap-1 rounded-md bg-red-700 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white">
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-3.5 w-3.5">
          <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" />
        </svg>
        Failed <span className="tabular-nums">{request.status}</span>
      </span>
    );
  }
  if (outcome === "routine") {
    return (
      <span
        className="inline-flex items-center rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-700 ring-1 ring-slate-200 ring-inset"
        title="The identity provider checked for something already gone; this is part of its normal cycle"
      >
        <span className="hidden sm:inline">Not found (routine)</span>
        <span className="sm:hidden">Routine</span>
        <span className="ml-1 tabular-nums">404</span>
      </span>
    );
  }
  return (
    <span className="inline-flex items-center rounded-md bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 tabular-nums ring-1 ring-emerald-200 ring-inset">
      {request.status}
    </span>
  );
}
