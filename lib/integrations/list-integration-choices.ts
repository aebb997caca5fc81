import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations } from "@/db/schema";

/** The tenant's integrations by name, without counts: the choices of an Integration filter. */
export function listIntegrationChoices(db: Db, tenantId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: integrations.id, name: integrations.name })
    .from(integrations)
    .where(eq(integrations.tenantId, tenantId))
    .orderBy(asc(integrations.name), asc(integrations.id));
}
