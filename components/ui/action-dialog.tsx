"use client";

import { useEffect, useId, useRef } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { Alert } from "./alert";
import { Button } from "./button";

/**
 * A button that opens a modal form for a consequential action: the form posts to `action`
 * with the hidden `fields`. With the action's `state`, it stays open with the server's
 * message when refused and closes when the server answers with success; without, it closes
 * as it submits (the caller shows the answer). Escape or Cancel closes it doing nothing.
 */
export function ActionDialog({
  label,
  title,
  description,
  confirmLabel,
  state,
  action,
  pending = false,
  fields,
  children,
  tone = "primary",
  opener = "secondary",
  size = "md",
}: {
  label: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  state?: FormState;
  action: (formData: FormData) => void;
  pending?: boolean;
  fields: Record<string, string>;
  children?: React.ReactNode;
  tone?: "danger" | "primary";
  /** How the opening button looks; a danger one is red on secondary. */
  opener?: "primary" | "secondary";
  size?: "sm" | "md";
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (state?.success) dialog.current?.close();
  }, [state]);
  const small = size === "sm" ? "px-2.5 py-1 text-xs" : "";
  return (
    <>
      <Button
        type="button"
        variant={opener}
        className={`${small} ${tone === "danger" ? "text-red-700" : ""}`}
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <form action={action} onSubmit={state ? undefined : () => dialog.current?.close()} className="space-y-4 p-6">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-base font-semibold wrap-anywhere text-slate-900">
            {title}
          </h2>
          <div className="space-y-2 text-sm text-slate-600">{description}</div>
          {children}
          {state?.error ? <Alert>{state.error}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={tone} disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** A labelled multi-line input for a dialog, with the server's message underneath. */
export function ReasonField({ hint, error, defaultValue }: { hint: string; error?: string; defaultValue?: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Reason <span className="font-normal text-slate-500">(optional)</span>
      </label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        maxLength={500}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        className="mt-1.5 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:ring-inset focus:outline-none"
      />
      {error ? <p className="mt-1.5 text-sm text-red-600">{error}</p> : <p className="mt-1.5 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
