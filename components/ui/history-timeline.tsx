import Link from "next/link";
import type { HistoryItem } from "@/lib/history/describe-event";
import { formatPreciseDateTime } from "./format-precise";

function Change({ change }: { change: HistoryItem["changes"][number] }) {
  return (
    <>
      <dt className="pt-1 font-mono text-xs leading-5 text-slate-500">{change.path}</dt>
      <dd className="flex min-w-0 flex-wrap items-baseline gap-x-2 pb-1 text-sm sm:pt-1">
        {change.before !== null ? (
          <del className="wrap-anywhere text-red-700 decoration-red-300">
            <span className="sr-only">before: </span>
            {change.beforeHref ? (
              <Link href={change.beforeHref} className="hover:underline">
                {change.before}
              </Link>
            ) : (
              change.before
            )}
          </del>
        ) : null}
        {change.before !== null && change.after !== null ? (
          <span aria-hidden className="text-slate-400">
            →
          </span>
        ) : null}
        {change.after !== null ? (
          <ins className="font-medium wrap-anywhere text-emerald-700 no-underline">
            <span className="sr-only">after: </span>
            {change.afterHref ? (
              <Link href={change.afterHref} className="underline decoration-emerald-300 hover:decoration-emerald-700">
                {change.after}
              </Link>
            ) : (
              change.after
            )}
          </ins>
        ) : (
          <span className="text-xs text-slate-500">removed</span>
        )}
      </dd>
    </>
  );
}

const actorKinds = { integration: "integration", console_user: "console user", system: "system" } as const;

/**
 * A subject's History, newest first: what happened as a sentence, who did it, when (UTC, to
 * the second, since one sync makes many changes a minute; the exact instant on hover),
 * in which request (a link to it in the request log), and each field's before and after.
 */
export function HistoryTimeline({ items, requestHref }: { items: HistoryItem[]; requestHref?: (requestId: string) => string }) {
  return (
    <ol className="divide-y divide-slate-100" aria-label="History">
      {items.map((item) => (
        <li key={item.id} className="px-5 py-4">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <p className="font-medium text-slate-900">{item.sentence}</p>
            <time dateTime={new Date(item.createdAt).toISOString()} title={new Date(item.createdAt).toISOString()} className="text-xs whitespace-nowrap text-slate-500">
              {formatPreciseDateTime(item.createdAt)}
            </time>
          </div>
          <p className="mt-0.5 text-xs wrap-anywhere text-slate-500">
            by <span className="font-medium text-slate-700">{item.actorLabel}</span> ({actorKinds[item.actorType]})
            {item.requestId ? (
              <>
                {" · request "}
                {requestHref && item.actorType === "integration" ? (
                  <Link href={requestHref(item.requestId)} className="font-mono text-brand-700 hover:underline">
                    {item.requestId}
                  </Link>
                ) : (
                  <code className="font-mono">{item.requestId}</code>
                )}
              </>
            ) : null}
          </p>
          {item.reason ? (
            <p className="mt-1 text-sm wrap-anywhere text-slate-700">
              <span className="font-medium">Reason:</span> {item.reason}
            </p>
          ) : null}
          {item.changes.length > 0 ? (
            <dl className="mt-2 grid gap-x-4 rounded-md bg-slate-50 px-3 py-1.5 sm:grid-cols-[max-content_1fr]">
              {item.changes.map((change) => (
                <Change key={change.path} change={change} />
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
