import Link from "next/link";
import type { RequestSubject } from "@/lib/activity/list-request-log";

/** Where a person or role opens in the console. */
export function subjectHref(subject: RequestSubject): string {
  return subject.type === "person" ? `/people/${subject.id}` : `/roles/${subject.id}`;
}

/**
 * What the request's response said, in a line: "Created Grace Hopper" (linked) for a
 * creation, the SCIM error type and detail for a refusal, else nothing to add.
 */
export function RequestSummary({ row }: { row: { created: RequestSubject | null; scimType: string | null; detail: string | null } }) {
  if (row.created) {
    return (
      <p className="text-xs text-slate-700">
        Created{" "}
        <Link href={subjectHref(row.created)} className="font-medium text-brand-700 hover:underline">
          {row.created.name}
        </Link>
      </p>
    );
  }
  if (!row.scimType && !row.detail) return <span className="text-xs text-slate-500">—</span>;
  return (
    <div className="min-w-0 text-xs" title={row.detail ?? undefined}>
      {row.scimType ? <p className="font-mono font-semibold text-red-800">{row.scimType}</p> : null}
      {row.detail ? <p className="line-clamp-2 text-slate-700">{row.detail}</p> : null}
    </div>
  );
}
