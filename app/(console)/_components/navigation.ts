import type { Permission } from "@/lib/auth/permissions";

export type NavSection = { title?: string; items: { href: string; label: string; permission: Permission }[] };

/** The console's pages, each shown only to roles that may open it. */
export const navigation: NavSection[] = [
  {
    items: [
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
      { href: "/settings/audit-log", label: "Audit log", permission: "audit:read" },
    ],
  },
  {
    title: "Account",
    items: [{ href: "/profile", label: "My Profile", permission: "tenant:read" }],
  },
];
