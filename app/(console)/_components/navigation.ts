import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission; staffOnly?: boolean };
export type NavSection = { title?: string; items: NavItem[] };

/** The console's pages, each shown only to roles that may open it; staff-only ones to staff. */
export const navigation: NavSection[] = [
  {
    items: [
      { href: "/", label: "Overview", permission: "tenant:read" },
      { href: "/people", label: "People", permission: "tenant:read" },
      { href: "/roles", label: "Roles", permission: "tenant:read" },
      { href: "/activity", label: "Activity", permission: "tenant:read" },
    ],
  },
  {
    title: "Settings",
    items: [
      { href: "/settings/integrations", label: "Integrations", permission: "tenant:read" },
      { href: "/settings/members", label: "Members", permission: "members:manage" },
      { href: "/settings/api-keys", label: "API keys", permission: "api_keys:manage" },
      { href: "/settings/webhooks", label: "Webhooks", permission: "webhooks:manage" },
      { href: "/settings/audit-log", label: "Audit log", permission: "audit:read" },
    ],
  },
  {
    title: "Account",
    items: [{ href: "/profile", label: "My Profile", permission: "tenant:read" }],
  },
  {
    title: "Platform",
    items: [
      { href: "/staff/tenants", label: "Tenants", permission: "tenant:read", staffOnly: true },
      { href: "/staff/people", label: "Find a person", permission: "tenant:read", staffOnly: true },
    ],
  },
];

/** Whether the signed-in user sees a page in the navigation (the page checks again). */
export function showsInNavigation(item: NavItem, user: { isStaff: boolean }, can: (p: Permission) => boolean): boolean {
  return item.staffOnly ? user.isStaff : can(item.permission);
}
