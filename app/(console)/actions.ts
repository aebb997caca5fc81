"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { ACTIVE_TENANT_COOKIE, currentUser } from "@/lib/auth/session";
import { currentConsoleRequest } from "@/lib/auth/current-console-request";
import { cookieOptions } from "@/lib/auth/session-cookie";
import { listTenantsOfUser } from "@/lib/members/list-tenants-of-user";

/** Opens another tenant the signed-in user may access; staff opening a tenant is audited. */
export async function switchTenant(formData: FormData) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const db = await getDb();
  const slug = String(formData.get("tenant") ?? "");
  const target = (await listTenantsOfUser(db, user)).find((t) => t.slug === slug);
  if (!target) redirect("/");
  if (target.viaStaff) {
    const { sourceAddress, userAgent } = await currentConsoleRequest();
    await recordAudit(db, {
      tenantId: target.id,
      actor: { userId: user.id, label: `${user.email} (platform staff)`, sourceAddress, userAgent },
      action: "staff.tenant_opened",
    });
  }
  (await cookies()).set(ACTIVE_TENANT_COOKIE, target.slug, cookieOptions());
  redirect("/");
}
