import type { InputHTMLAttributes } from "react";

/** A checkbox with its label and a line saying what it does. */
export function CheckboxField({
  label,
  description,
  id,
  name,
  ...props
}: { label: string; description?: React.ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? name;
  return (
    <div className="flex gap-3">
      <div className="flex h-6 items-center">
        <input
          id={inputId}
          name={name}
          type="checkbox"
          aria-describedby={description ? `${inputId}-description` : undefined}
          className="h-4 w-4 rounded border-slate-300 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          {...props}
        />
      </div>
      <div className="text-sm">
        <label htmlFor={inputId} className="font-medium text-slate-900">
          {label}
        </label>
        {description ? (
          <p id={`${inputId}-description`} className="text-slate-500">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
