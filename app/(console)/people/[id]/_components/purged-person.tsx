import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { HistoryEntry } from "@/lib/history/list-history";

/**
 * What a link to a purged person (from Activity, a role's History) shows instead of a 404:
 * that they were permanently deleted, by whom, when and why. Nothing else is left.
 */
export function PurgedPerson({ id, purgedAt, tombstone }: { id: string; purgedAt: Date; tombstone: HistoryEntry | undefined }) {
  return (
    <>
      <Link href="/people" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← People
      </Link>
      <div className="mt-2 mb-6 flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Permanently deleted person</h1>
        <Badge tone="red">Permanently deleted</Badge>
      </div>
      <Card className="space-y-2 px-5 py-5 text-sm text-slate-700">
        <p>
          This person was permanently deleted
          {tombstone ? (
            <>
              {" "}by <span className="font-medium text-slate-900">{tombstone.actorLabel}</span>
            </>
          ) : null}{" "}
          on {formatDateTime(purgedAt)}. Their profile, roles, History details and the SCIM requests that named them were
          removed.
        </p>
        {tombstone?.reason ? (
          <p className="wrap-anywhere">
            <span className="font-medium">Reason:</span> {tombstone.reason}
          </p>
        ) : null}
        <p className="text-xs text-slate-500">
          SCIM id <code className="font-mono">{id}</code>: the identity provider gets 404 for it.
        </p>
      </Card>
    </>
  );
}
