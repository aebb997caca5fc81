import Link from "next/link";
import { formatDate } from "@/components/ui/format";
import type { RetentionPreview } from "@/lib/retention/preview-retention";

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** RETENTION_INTERVAL_SECONDS in words: "every hour", "every 15 minutes", "every 30 seconds". */
function every(seconds: number): string {
  const [n, unit] = seconds % 3600 === 0 ? [seconds / 3600, "hour"] : seconds % 60 === 0 ? [seconds / 60, "minute"] : [seconds, "second"];
  return n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;
}

/** Who the policy deletes next, from the job's own query: the dry run an admin checks before trusting it. */
export function RetentionPreviewList({ preview, policyOn, everySeconds }: { preview: RetentionPreview; policyOn: boolean; everySeconds: number }) {
  if (!policyOn) return <p className="text-sm text-slate-600">No retention policy: people stay until support deletes them permanently.</p>;
  if (preview.scheduled === 0) return <p className="text-sm text-slate-600">Nobody is scheduled for permanent deletion under this policy.</p>;
  const rest = preview.scheduled - preview.next.length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        <span className="font-medium text-slate-900">{people(preview.dueNow)} due now</span>, permanently deleted at the next run ({every(everySeconds)}); {people(preview.scheduled)} scheduled in all.
      </p>
      <ol aria-label="Next to be permanently deleted" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {preview.next.map((p) => (
          <li key={p.personId} className="flex flex-col gap-0.5 px-3.5 py-2.5 text-sm sm:flex-row sm:items-center sm:justify-between sm:gap-4">
            <Link href={`/people/${p.personId}`} className="font-medium wrap-anywhere text-slate-900 hover:text-brand-700">
              {p.name}
            </Link>
            <span className="shrink-0 text-slate-600">
              {formatDate(p.dueAt)} · {p.policy}
            </span>
          </li>
        ))}
      </ol>
      {rest > 0 ? <p className="text-xs text-slate-500">And {people(rest)} after them.</p> : null}
    </div>
  );
}
