"use client";

import { useId, useRef } from "react";
import { Button } from "./button";

/**
 * A button that asks before it acts: a modal dialog whose confirm button submits `action`
 * with the hidden `fields`. Escape or Cancel closes it without doing anything.
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  action,
  fields,
  pending = false,
  tone = "danger",
  size = "md",
}: {
  label: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  action: (formData: FormData) => void;
  fields: Record<string, string>;
  pending?: boolean;
  tone?: "danger" | "primary";
  size?: "sm" | "md";
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const small = size === "sm" ? "px-2.5 py-1 text-xs" : "";
  return (
    <>
      <Button
        type="button"
        variant={tone === "danger" ? "secondary" : "primary"}
        className={`${small} ${tone === "danger" ? "text-red-700" : ""}`}
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <form action={action} onSubmit={() => dialog.current?.close()} className="p-6">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <div className="mt-2 text-sm text-slate-600">{description}</div>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={tone}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
