"use client";

import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime } from "@/components/ui/format";
import type { FormState } from "@/lib/auth/form-action";
import { endSessionAction, signOutEverywhereAction } from "../actions";

export type SessionRow = {
  id: string;
  device: string;
  sourceAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

function EndSessionButton({ session }: { session: SessionRow }) {
  const [state, action, pending] = useActionState<FormState, FormData>(endSessionAction, {});
  const message = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="sessionId" value={session.id} />
      {message ? <span className="text-xs text-red-600">{message}</span> : null}
      <Button type="submit" variant="secondary" className="px-2.5 py-1 text-xs" disabled={pending} aria-label={`Sign out ${session.device}, last seen ${formatDateTime(session.lastSeenAt)}`}>
        {pending ? "Signing out…" : "Sign out"}
      </Button>
    </form>
  );
}

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm" aria-label="Active sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="flex items-center gap-2 font-medium text-slate-900">
                {s.device}
                {s.current ? <Badge tone="green">This browser</Badge> : null}
              </p>
              <p className="text-xs text-slate-500">
                {s.sourceAddress ?? "Address unknown"} · Signed in {formatDateTime(s.createdAt)} · Last seen {formatDateTime(s.lastSeenAt)}
              </p>
            </div>
            <EndSessionButton session={s} />
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <ConfirmButton
          label="Sign out everywhere"
          title="Sign out everywhere?"
          description="Every session of yours ends now, this one included. You will need your password to sign in again."
          confirmLabel="Sign out everywhere"
          action={signOutEverywhereAction}
          fields={{}}
          tone="danger"
        />
      </div>
    </>
  );
}
