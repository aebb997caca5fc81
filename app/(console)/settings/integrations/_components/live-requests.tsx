"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { LiveRequest } from "@/lib/activity/list-live-requests";
import { readLiveRequestsAction } from "../health-actions";

const POLL_MS = 2_000;
const SHOWN = 20;

/**
 * The integration's requests as they arrive, polled every two seconds: an admin who clicks
 * Test Connection in Entra sees it land, and why it failed if it did. New requests also
 * refresh the page's server-rendered state (the connection panel) without a reload.
 */
export function LiveRequests({ integrationId, initial, waiting }: { integrationId: string; initial: LiveRequest[]; waiting: boolean }) {
  const [rows, setRows] = useState(initial);
  const newest = useRef(initial[0]?.id ?? 0);
  const router = useRouter();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const fresh = await readLiveRequestsAction({ integrationId, afterId: newest.current });
        if (!stopped && fresh.length > 0) {
          newest.current = fresh[0].id;
          setRows((shown) => [...fresh, ...shown].slice(0, SHOWN));
          router.refresh();
        }
      } catch {
        // A poll that fails (server restarting, signed out) is simply tried again.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [integrationId, router]);

  return (
    <Card className="p-6">
    <section aria-labelledby="live-heading">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="live-heading" className="text-base font-semibold text-slate-900">
          Live requests
        </h2>
        <span className="inline-flex items-center gap-1.5 text-xs text-slate-500">
          <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-hidden="true" />
          Listening
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {waiting
          ? "Click Test Connection in your identity provider: its request appears here within seconds, with what went wrong if it failed."
          : "Each request from your identity provider appears here as it arrives."}
      </p>
      {rows.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">Nothing yet.</p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-100 text-sm" aria-label="Requests as they arrive" aria-live="polite">
          {rows.map((row) => (
            <li key={row.id} className="py-2">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className={`font-mono text-xs font-semibold ${row.explanation ? "text-red-700" : "text-emerald-700"}`}>
                  {row.status} {row.explanation ? "failed" : "ok"}
                </span>
                <span className="min-w-0 font-mono text-xs wrap-anywhere text-slate-800">
                  {row.method} {row.path}
                </span>
                <span className="ml-auto text-xs text-slate-500">{formatDateTime(row.createdAt)}</span>
              </div>
              {row.explanation ? <p className="mt-0.5 text-slate-700">{row.explanation}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
    </Card>
  );
}
