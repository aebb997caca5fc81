import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations } from "@/db/schema";

/** The tenant's integrations, by name: the choices of the request log's integration filter. */
export function listLogIntegrations(db: Db, tenantId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: integrations.id, name: integrations.name })
    .from(integrations)
    .where(eq(integrations.tenantId, tenantId))
    .orderBy(asc(integrations.name), asc(integrations.id));
}
