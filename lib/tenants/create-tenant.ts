import type { Db } from "@/db/client";
import { tenants, type Tenant } from "@/db/schema";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { tenantName, tenantSlug } from "./tenant-input";

export async function createTenant(db: Db, input: { slug: string; name: string }): Promise<Tenant> {
  const slug = tenantSlug.safeParse(input.slug);
  if (!slug.success) throw new AppError("bad_input", `Slug: ${slug.error.issues[0].message}`, "slug");
  const name = tenantName.safeParse(input.name);
  if (!name.success) throw new AppError("bad_input", `Name: ${name.error.issues[0].message}`, "name");
  try {
    const [tenant] = await db.insert(tenants).values({ slug: slug.data, name: name.data }).returning();
    return tenant;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", `A tenant with the slug "${slug.data}" already exists`, "slug");
    }
    throw error;
  }
}
