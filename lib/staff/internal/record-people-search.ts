import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { staffActor, type RequestOrigin, type StaffMember } from "../staff-actor";

/**
 * Audits a cross-tenant people search: one platform entry (no tenant) for every search,
 * found or not, and one in each tenant where someone matched, so that tenant's admins see
 * that staff looked someone up in it (DESIGN.md: every staff view in a tenant is audited
 * and visible to its admins). The entries name only the count, never the people found.
 */
export async function recordPeopleSearch(
  db: Db,
  staff: StaffMember,
  origin: RequestOrigin,
  search: { query: string; rows: { tenant: { id: string; slug: string } }[]; more: boolean },
): Promise<void> {
  const actor = staffActor(staff, origin);
  const perTenant = new Map<string, { slug: string; matches: number }>();
  for (const { tenant } of search.rows) {
    const entry = perTenant.get(tenant.id) ?? { slug: tenant.slug, matches: 0 };
    entry.matches += 1;
    perTenant.set(tenant.id, entry);
  }
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      tenantId: null,
      actor,
      action: "staff.people_searched",
      detail: { query: search.query, matches: search.rows.length, more: search.more, tenants: [...perTenant.values()].map((t) => t.slug) },
    });
    for (const [tenantId, { matches }] of perTenant) {
      await recordAudit(tx, { tenantId, actor, action: "staff.people_searched", detail: { query: search.query, matches } });
    }
  });
}
