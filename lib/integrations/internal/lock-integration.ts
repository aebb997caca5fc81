import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * One of this tenant's integrations, locked for the rest of the caller's transaction, so a
 * change reads the state it replaces; another tenant's is not found.
 */
export async function lockIntegration(tx: Db, tenantId: string, integrationId: string): Promise<Integration> {
  const [current] = await tx
    .select()
    .from(integrations)
    .where(and(eq(integrations.id, integrationId), eq(integrations.tenantId, tenantId)))
    .for("update");
  if (!current) throw new AppError("not_found", "No such integration");
  return current;
}
