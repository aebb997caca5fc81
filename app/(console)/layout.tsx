import { Badge } from "@/components/ui/badge";
import { requireConsole } from "@/lib/auth/console-context";
import { roleLabels } from "@/lib/auth/permissions";
import { signOut } from "../(auth)/sign-in/actions";
import { getDb } from "@/db/client";
import { listActiveAlerts } from "@/lib/connection-health/list-alerts";
import { AlertBanner } from "./_components/alert-banner";
import { navigation, showsInNavigation } from "./_components/navigation";
import { NavLink } from "./_components/nav-link";
import { TenantSwitcher } from "./_components/tenant-switcher";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const { user, tenant, tenants, can } = await requireConsole();
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-64 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center gap-2.5 px-4 py-4">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">S</span>
          <span className="font-semibold tracking-tight text-slate-900">SCIM Console</span>
        </div>
        <div className="px-3 pb-3">
          <TenantSwitcher tenants={tenants} current={tenant.slug} />
        </div>
        <nav aria-label="Main" className="flex flex-wrap gap-x-6 gap-y-3 px-3 pb-3 md:block md:space-y-5">
          {navigation.map((section) => {
            const items = section.items.filter((item) => showsInNavigation(item, user, can));
            if (items.length === 0) return null;
            return (
              <div key={section.title ?? "main"}>
                {section.title ? (
                  <p className="px-2.5 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">{section.title}</p>
                ) : null}
                <div className="flex flex-wrap gap-1 md:block md:space-y-0.5">
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
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-3">
          <div className="text-right">
            <p className="text-sm font-medium text-slate-900">{user.name}</p>
            <p className="text-xs text-slate-500">{user.email}</p>
          </div>
          <Badge tone={tenant.viaStaff ? "amber" : "blue"}>{tenant.viaStaff ? "Staff" : roleLabels[tenant.role]}</Badge>
          <form action={signOut}>
            <button type="submit" className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">
          <AlertBanner alerts={can("integrations:manage") ? await listActiveAlerts(await getDb(), tenant.id) : []} />
          {children}
        </main>
      </div>
    </div>
  );
}
