import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants, type Tenant } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug.trim().toLowerCase()));
  if (!tenant) throw new AppError("not_found", `No tenant with the slug "${slug}"`, "tenant");
  return tenant;
}
