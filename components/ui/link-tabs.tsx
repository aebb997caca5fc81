import Link from "next/link";

export type LinkTab = { href: string; label: string; count?: number; current: boolean };

/** Tabs that are links: each tab has its own URL, so it can be shared and reloaded. */
export function LinkTabs({ tabs, label }: { tabs: LinkTab[]; label: string }) {
  return (
    <nav aria-label={label} className="mb-5 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={`-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
            tab.current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
          }`}
        >
          {tab.label}
          {tab.count !== undefined ? (
            <span className={`rounded-full px-1.5 py-px text-xs ${tab.current ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600"}`}>
              {tab.count.toLocaleString("en-GB")}
            </span>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
