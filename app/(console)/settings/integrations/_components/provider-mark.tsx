import type { Provider } from "@/db/schema";

const marks: Record<Provider, { letters: string; className: string }> = {
  entra: { letters: "E", className: "bg-sky-600 text-white" },
  okta: { letters: "O", className: "bg-slate-900 text-white" },
  generic: { letters: "{ }", className: "bg-brand-50 text-brand-700 ring-1 ring-brand-100 ring-inset" },
};

/** The app's monogram, beside its name wherever an integration is shown. */
export function ProviderMark({ provider, size = "md" }: { provider: Provider; size?: "md" | "lg" }) {
  const { letters, className } = marks[provider];
  const box = size === "lg" ? "h-11 w-11 text-base" : "h-8 w-8 text-sm";
  return (
    <span aria-hidden className={`flex shrink-0 items-center justify-center rounded-lg font-bold ${box} ${className}`}>
      {letters}
    </span>
  );
}
