import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";

const integrationId = z.uuid();

/**
 * One integration of one tenant. Another tenant's integration, or an id that is no UUID
 * (typed into the address bar), is simply not found: the caller answers 404.
 */
export async function findIntegration(db: Db, tenantId: string, id: string): Promise<Integration | null> {
  if (!integrationId.safeParse(id).success) return null;
  const [row] = await db
    .select()
    .from(integrations)
    .where(and(eq(integrations.id, id), eq(integrations.tenantId, tenantId)));
  return row ?? null;
}
