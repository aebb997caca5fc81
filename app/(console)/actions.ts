"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { ACTIVE_TENANT_COOKIE, currentUser } from "@/lib/auth/session";
import { currentConsoleRequest } from "@/lib/auth/current-console-request";
import { cookieOptions } from "@/lib/auth/session-cookie";
import { listTenantsOfUser } from "@/lib/members/list-tenants-of-user";

/**
 * Where to land in the opened tenant: a console path of this app, never another origin
 * (`//host`, `/\host`) or a scheme. Anything else lands on the home page.
 */
const landing = z
  .string()
  .regex(/^\/[A-Za-z0-9][A-Za-z0-9\-/]*$/)
  .catch("/");

/**
 * Opens another tenant the signed-in user may access, on its home page or on `next` (the
 * staff people search opens a person in their tenant); staff opening a tenant is audited.
 */
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
  redirect(landing.parse(formData.get("next") ?? "/"));
}
