import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { requireConsole } from "@/lib/auth/console-context";
import { roleLabels } from "@/lib/auth/permissions";
import { signOut } from "../(auth)/sign-in/actions";
import { getDb } from "@/db/client";
import { listActiveAlerts } from "@/lib/connection-health/list-alerts";
import { AlertBanner } from "./_components/alert-banner";
import { CollapsibleNav } from "./_components/collapsible-nav";
import { navigation, showsInNavigation } from "./_components/navigation";
import { NavLink } from "./_components/nav-link";
import { SearchShortcut } from "./_components/search-shortcut";
import { TenantSwitcher } from "./_components/tenant-switcher";
import { UserMenu } from "./_components/user-menu";

export const dynamic = "force-dynamic";

/** Pages title themselves "Subject · Page" (e.g. "Microsoft Entra ID · Integrations"). */
export const metadata: Metadata = { title: { default: "SCIM Console", template: "%s · SCIM Console" } };

const userMenuItemClass =
  "block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:bg-slate-100 focus-visible:outline-none";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const { user, tenant, tenants, can } = await requireConsole();
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <SearchShortcut />
      <aside className="relative border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-64 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center gap-2.5 px-4 py-4">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">S</span>
          <span className="font-semibold tracking-tight text-slate-900">SCIM Console</span>
        </div>
        <CollapsibleNav>
          <div className="px-3 pb-3">
            <TenantSwitcher tenants={tenants} current={tenant.slug} />
          </div>
          <nav aria-label="Main" className="space-y-5 px-3 pb-3">
            {navigation.map((section) => {
              const items = section.items.filter((item) => showsInNavigation(item, user, can));
              if (items.length === 0) return null;
              return (
                <div key={section.title ?? "main"}>
                  {section.title ? (
                    <p className="px-2.5 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{section.title}</p>
                  ) : null}
                  <div className="space-y-0.5">
                    {items.map((item) => (
                      <NavLink key={item.href} href={item.href}>
                        {item.label}
                      </NavLink>
                    ))}
                  </div>
                </div>
              );
            })}
          </nav>
        </CollapsibleNav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-4 py-2 sm:px-6">
          <Badge tone={tenant.viaStaff ? "amber" : "blue"}>{tenant.viaStaff ? "Staff" : roleLabels[tenant.role]}</Badge>
          <UserMenu name={user.name} email={user.email}>
            <Link href="/profile" className={userMenuItemClass}>
              My Profile
            </Link>
            <form action={signOut}>
              <button type="submit" className={userMenuItemClass}>
                Sign out
              </button>
            </form>
          </UserMenu>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6">
          <AlertBanner alerts={can("integrations:manage") ? await listActiveAlerts(await getDb(), tenant.id) : []} />
          {children}
        </main>
      </div>
    </div>
  );
}
