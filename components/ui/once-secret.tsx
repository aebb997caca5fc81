import { CopyButton } from "./copy-button";

/**
 * A secret shown exactly once (a new token, an invitation link): the value, its Copy button and
 * the warning that it cannot be shown again (`note`, a token's by default). `children` says
 * where to paste it.
 */
export function OnceSecret({
  title,
  label,
  secret,
  note,
  children,
}: {
  title: string;
  label: string;
  secret: string;
  note?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <section aria-label={title} className="rounded-xl bg-amber-50 p-5 ring-1 ring-amber-200">
      <div className="flex items-start gap-3">
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 h-5 w-5 shrink-0 text-amber-600">
          <path
            fillRule="evenodd"
            d="M8.5 2.8a1.7 1.7 0 0 1 3 0l6.3 11.4A1.7 1.7 0 0 1 16.3 17H3.7a1.7 1.7 0 0 1-1.5-2.6L8.5 2.8ZM10 7a.9.9 0 0 0-.9.9v3.4a.9.9 0 0 0 1.8 0V7.9A.9.9 0 0 0 10 7Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
            clipRule="evenodd"
          />
        </svg>
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-amber-900">{title}</h2>
          <p className="mt-1 text-sm text-amber-800">
            {note ?? (
              <>
                Copy it now and store it in your identity provider. It won’t be shown again: only a hash is kept, so if you
                lose it, generate a new token.
              </>
            )}
          </p>
          <div className="mt-3 flex items-center gap-2">
            <code
              data-testid="once-secret"
              className="block min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-amber-200 select-all"
            >
              {secret}
            </code>
            <CopyButton value={secret} label={label} />
          </div>
          {children ? <div className="mt-3 text-sm text-amber-800">{children}</div> : null}
        </div>
      </div>
    </section>
  );
}
