import type { MemberRole } from "@/db/schema";

/** What each console role may do. Checked on the server by every page and action. */
const grants = {
  "tenant:read": ["admin", "support", "viewer"],
  "people:manage": ["admin", "support"],
  "members:manage": ["admin"],
  "integrations:manage": ["admin"],
  "api_keys:manage": ["admin"],
  "webhooks:manage": ["admin"],
  "audit:read": ["admin"],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof grants;

export function roleCan(role: MemberRole, permission: Permission): boolean {
  return (grants[permission] as readonly MemberRole[]).includes(role);
}

export const roleLabels: Record<MemberRole, string> = {
  admin: "Admin",
  support: "Support",
  viewer: "Viewer",
};
