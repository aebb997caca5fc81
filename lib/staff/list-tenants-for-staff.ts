import { countAll, pagedQuery, type Paged } from "@/lib/paged-query";
import { ilike, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { containsPattern } from "@/lib/sql/contains-pattern";
import { assertStaff } from "./internal/assert-staff";
import { tenantSummaries, type TenantSummary } from "./internal/tenant-summaries";

export type { StaffTenantIntegration, TenantSummary } from "./internal/tenant-summaries";

export const staffTenantsQuery = z.object({
  search: z.string().trim().max(200, "Use at most 200 characters").default(""),
  limit: z.number().int().min(1).max(200),
  offset: z.number().int().min(0),
});
export type StaffTenantsQuery = z.input<typeof staffTenantsQuery>;

/**
 * The Tenants page for platform staff: every tenant by name, with its integrations, people
 * count and last SCIM activity. The search is one bound ILIKE over name and slug.
 */
export async function listTenantsForStaff(
  db: Db,
  viewer: { isStaff: boolean },
  input: StaffTenantsQuery,
): Promise<Paged<TenantSummary>> {
  assertStaff(viewer, "list every tenant");
  const query = staffTenantsQuery.parse(input);
  const pattern = containsPattern(query.search);
  const where = query.search ? or(ilike(tenants.name, pattern), ilike(tenants.slug, pattern)) : undefined;
  return pagedQuery(db.select({ total: countAll }).from(tenants).where(where), query, () => tenantSummaries(db, where, query));
}
