"use client";

import { useRef } from "react";
import type { TenantAccess } from "@/lib/members/list-tenants-of-user";
import { switchTenant } from "../actions";

export function TenantSwitcher({ tenants, current }: { tenants: TenantAccess[]; current: string }) {
  const form = useRef<HTMLFormElement>(null);
  if (tenants.length < 2) {
    return <p className="truncate px-2 text-sm font-semibold text-slate-900">{tenants[0]?.name}</p>;
  }
  return (
    <form ref={form} action={switchTenant}>
      <label htmlFor="tenant-switcher" className="sr-only">
        Tenant
      </label>
      {/* Keyed by the tenant: a server action that opens another tenant re-renders the
          layout in place, and an uncontrolled select would keep showing the old one. */}
      <select
        key={current}
        id="tenant-switcher"
        name="tenant"
        defaultValue={current}
        onChange={() => form.current?.requestSubmit()}
        className="w-full rounded-md border-0 bg-white py-1.5 pr-8 pl-2 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
      >
        {tenants.map((t) => (
          <option key={t.id} value={t.slug}>
            {t.name}
            {t.viaStaff ? " (staff access)" : ""}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="mt-2 text-sm text-brand-700">
          Switch
        </button>
      </noscript>
    </form>
  );
}
