import { z } from "zod";
import type { Db } from "@/db/client";
import { tenants, type Tenant } from "@/db/schema";
import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { tenantName, tenantSlug } from "./tenant-input";

export const createTenantInput = z.object({ slug: tenantSlug, name: tenantName });

export async function createTenant(db: Db, raw: z.input<typeof createTenantInput>): Promise<Tenant> {
  const { slug, name } = parseInput(createTenantInput, raw, { slug: "Slug", name: "Name" });
  try {
    const [tenant] = await db.insert(tenants).values({ slug, name }).returning();
    return tenant;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `A tenant with the slug "${slug}" already exists`, "slug");
    }
    throw error;
  }
}
