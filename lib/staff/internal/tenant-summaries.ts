import { and, asc, count, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people, tenants, type Integration } from "@/db/schema";

export type StaffTenantIntegration = Pick<Integration, "id" | "name" | "provider" | "status" | "appKey" | "lastRequestAt">;

export type TenantSummary = {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  /** People provisioned and not deleted (active and inactive). */
  people: number;
  /** The newest authenticated SCIM request of any of its integrations. */
  lastScimActivity: Date | null;
  integrations: StaffTenantIntegration[];
};

/** The newest of the integrations' last requests. */
function newest(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}

/**
 * Tenants matching `where`, by name, each with its integrations, people count and last SCIM
 * activity. Counts are grouped over the page's tenants only, so a page costs the same
 * however many tenants there are.
 */
export async function tenantSummaries(db: Db, where: SQL | undefined, page: { limit: number; offset: number }): Promise<TenantSummary[]> {
  const rows = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, createdAt: tenants.createdAt })
    .from(tenants)
    .where(where)
    .orderBy(asc(sql`lower(${tenants.name})`), asc(tenants.id))
    .limit(page.limit)
    .offset(page.offset);
  if (rows.length === 0) return [];
  const ids = rows.map((t) => t.id);
  const counted = await db
    .select({ tenantId: people.tenantId, n: count() })
    .from(people)
    .where(and(inArray(people.tenantId, ids), isNull(people.deletedAt), isNull(people.purgedAt)))
    .groupBy(people.tenantId);
  const installed = await db
    .select({
      id: integrations.id,
      tenantId: integrations.tenantId,
      name: integrations.name,
      provider: integrations.provider,
      status: integrations.status,
      appKey: integrations.appKey,
      lastRequestAt: integrations.lastRequestAt,
    })
    .from(integrations)
    .where(inArray(integrations.tenantId, ids))
    .orderBy(asc(integrations.createdAt), asc(integrations.id));
  return rows.map((tenant) => {
    const own = installed.filter((i) => i.tenantId === tenant.id).map((i) => ({
      id: i.id,
      name: i.name,
      provider: i.provider,
      status: i.status,
      appKey: i.appKey,
      lastRequestAt: i.lastRequestAt,
    }));
    return {
      ...tenant,
      people: Number(counted.find((c) => c.tenantId === tenant.id)?.n ?? 0),
      lastScimActivity: newest(own.map((i) => i.lastRequestAt)),
      integrations: own,
    };
  });
}
