import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { ConsoleUser } from "@/db/schema";
import { getDb } from "@/db/client";
import type { AuditActor } from "@/lib/audit/record-audit";
import { recordStaffPageView } from "@/lib/audit/record-staff-page-view";
import { isPlatformPage } from "@/lib/staff/platform-pages";
import { listTenantsOfUser, type TenantAccess } from "@/lib/members/list-tenants-of-user";
import { currentConsoleRequest } from "./current-console-request";
import { roleCan, type Permission } from "./permissions";
import { ACTIVE_TENANT_COOKIE, currentUser } from "./session";

export type ConsoleContext = {
  user: ConsoleUser;
  tenant: TenantAccess;
  tenants: TenantAccess[];
  actor: AuditActor;
  can: (permission: Permission) => boolean;
};

/**
 * The user and their tenants, read once per request (layout, metadata and page share it) and
 * never kept beyond it: a removed membership ends that tenant's access on the next request.
 */
const loadConsole = cache(async (): Promise<ConsoleContext> => {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const tenants = await listTenantsOfUser(await getDb(), user);
  if (tenants.length === 0) redirect("/no-access");
  const wanted = (await cookies()).get(ACTIVE_TENANT_COOKIE)?.value;
  const tenant = tenants.find((t) => t.slug === wanted) ?? tenants.find((t) => !t.viaStaff) ?? tenants[0];
  const can = (p: Permission) => roleCan(tenant.role, p);
  const request = await currentConsoleRequest();
  const actor: AuditActor = {
    userId: user.id,
    label: tenant.viaStaff ? `${user.email} (platform staff)` : user.email,
    sourceAddress: request.sourceAddress,
    userAgent: request.userAgent,
  };
  // Every page staff open in a tenant is audited, landing there after sign-in or by the
  // tenant cookie included; a server action is audited as an action (consoleAction).
  // Platform pages (the Tenants page, the people search) belong to no tenant.
  if (tenant.viaStaff && request.path && !request.isAction && !request.isPrefetch && !isPlatformPage(request.path)) {
    await recordStaffPageView(await getDb(), { tenantId: tenant.id, actor: { ...actor, userId: user.id }, path: request.path });
  }
  return { user, tenant, tenants, actor, can };
});

/**
 * Who is asking and in which tenant, for every console page and server action. Signed out:
 * redirect to sign-in. Lacking the permission: 403, whatever the page showed.
 */
export async function requireConsole(permission: Permission = "tenant:read"): Promise<ConsoleContext> {
  const context = await loadConsole();
  if (!context.can(permission)) forbidden();
  return context;
}
