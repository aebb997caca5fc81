import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { assertStaff } from "./internal/assert-staff";
import { tenantSummaries, type TenantSummary } from "./internal/tenant-summaries";

/** One tenant by slug for platform staff (its integrations, people, last activity), or null. */
export async function getTenantForStaff(db: Db, viewer: { isStaff: boolean }, slug: string): Promise<TenantSummary | null> {
  assertStaff(viewer, "look at a tenant from the platform pages");
  const [tenant] = await tenantSummaries(db, eq(tenants.slug, slug), { limit: 1, offset: 0 });
  return tenant ?? null;
}
