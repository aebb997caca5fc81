"use client";

import { useState } from "react";

/** Browsers without the async clipboard (plain http on a LAN address) still copy this way. */
function copyWithSelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  return copied;
}

/** Copies a value and says so; `label` names what is copied for screen readers. */
export function CopyButton({ value, label, className = "" }: { value: string; label: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    let copied = false;
    try {
      await navigator.clipboard.writeText(value);
      copied = true;
    } catch {
      copied = copyWithSelection(value);
    }
    setState(copied ? "copied" : "failed");
    setTimeout(() => setState("idle"), 2_000);
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={`Copy ${label}`}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-md bg-white px-2.5 py-1.5 text-xs font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 ${className}`}
    >
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-3.5 w-3.5 text-slate-500">
        {state === "copied" ? (
          <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
        ) : (
          <path d="M7 3.5A1.5 1.5 0 0 1 8.5 2h6A1.5 1.5 0 0 1 16 3.5v9a1.5 1.5 0 0 1-1.5 1.5h-6A1.5 1.5 0 0 1 7 12.5v-9ZM4 6.5A1.5 1.5 0 0 1 5.5 5H6v7.5A2.5 2.5 0 0 0 8.5 15H13v.5a1.5 1.5 0 0 1-1.5 1.5h-6A1.5 1.5 0 0 1 4 15.5v-9Z" />
        )}
      </svg>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : "Copy"}</span>
    </button>
  );
}

/**
 * A read-only value in a monospace box with its Copy button. It wraps instead of scrolling,
 * so a long Tenant URL (Entra's ends in ?aadOptscim062020) is read in full on any screen.
 */
export function CopyField({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <div>
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-700">
        {label}
      </span>
      <div className="mt-1.5 flex items-start gap-2">
        <div
          id={id}
          role="textbox"
          aria-readonly="true"
          aria-labelledby={`${id}-label`}
          tabIndex={0}
          className="block min-w-0 flex-1 rounded-md bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200 ring-inset select-all focus:ring-2 focus:ring-brand-600 focus:outline-none"
        >
          {value}
        </div>
        <CopyButton value={value} label={label} className="mt-1" />
      </div>
    </div>
  );
}
