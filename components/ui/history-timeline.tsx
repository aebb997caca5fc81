import type { HistoryItem } from "@/lib/history/describe-event";
import { formatDateTime } from "./format";

function Change({ change }: { change: HistoryItem["changes"][number] }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
      <code className="font-mono text-xs text-slate-500">{change.path}:</code>
      <span className={change.before === null ? "text-slate-400" : "break-all text-red-700 line-through decoration-red-300"}>
        {change.before ?? "(none)"}
      </span>
      <span aria-label="changed to" className="text-slate-400">
        →
      </span>
      <span className={change.after === null ? "text-slate-400" : "font-medium break-all text-emerald-700"}>{change.after ?? "(none)"}</span>
    </li>
  );
}

const actorKinds = { integration: "integration", console_user: "console user", system: "system" } as const;

/**
 * A subject's History, newest first: what happened as a sentence, who did it, when (UTC),
 * in which request, and each field's before and after.
 */
export function HistoryTimeline({ items }: { items: HistoryItem[] }) {
  return (
    <ol className="divide-y divide-slate-100" aria-label="History">
      {items.map((item) => (
        <li key={item.id} className="px-5 py-4">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <p className="font-medium text-slate-900">{item.sentence}</p>
            <time dateTime={new Date(item.createdAt).toISOString()} className="text-xs whitespace-nowrap text-slate-500">
              {formatDateTime(item.createdAt)}
            </time>
          </div>
          <p className="mt-0.5 text-xs break-all text-slate-500">
            by <span className="font-medium text-slate-700">{item.actorLabel}</span> ({actorKinds[item.actorType]})
            {item.requestId ? (
              <>
                {" · request "}
                <code className="font-mono">{item.requestId}</code>
              </>
            ) : null}
          </p>
          {item.changes.length > 0 ? (
            <ul className="mt-2 space-y-1 rounded-md bg-slate-50 px-3 py-2">
              {item.changes.map((change) => (
                <Change key={change.path} change={change} />
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
