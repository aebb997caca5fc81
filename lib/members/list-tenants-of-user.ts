import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, tenants, type MemberRole } from "@/db/schema";

export type TenantAccess = { id: string; slug: string; name: string; role: MemberRole; viaStaff: boolean };

/**
 * The tenants a console user may open, with their role in each. Platform staff may open
 * every tenant: where they hold no membership they act as admin, and what they do is audited.
 */
export async function listTenantsOfUser(db: Db, user: { id: string; isStaff: boolean }): Promise<TenantAccess[]> {
  const own = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(tenants.name));
  const result: TenantAccess[] = own.map((t) => ({ ...t, viaStaff: false }));
  if (user.isStaff) {
    const mine = new Set(own.map((t) => t.id));
    const all = await db.select().from(tenants).orderBy(asc(tenants.name));
    for (const t of all) {
      if (!mine.has(t.id)) result.push({ id: t.id, slug: t.slug, name: t.name, role: "admin", viaStaff: true });
    }
  }
  return result;
}
