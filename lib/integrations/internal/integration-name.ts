import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations } from "@/db/schema";

/** An integration's name: what every list shows, unique in its tenant whatever the case. */
export const integrationNameField = z
  .string({ error: "Give the integration a name." })
  .trim()
  .min(1, "Give the integration a name.")
  .max(120, "Keep the name under 120 characters.");

/** The unique index that keeps two integrations of a tenant from sharing a name. */
export const INTEGRATION_NAME_KEY = "integrations_tenant_name_key";

/** Whether another integration of the tenant already has this name (case-insensitively). */
export async function integrationNameTaken(db: Db, tenantId: string, name: string, except?: string): Promise<boolean> {
  const rows = await db
    .select({ id: integrations.id })
    .from(integrations)
    .where(and(eq(integrations.tenantId, tenantId), sql`lower(${integrations.name}) = lower(${name})`));
  return rows.some((row) => row.id !== except);
}

/** The provider's label, or "label (2)", "(3)"…: the first name no integration of the tenant has. */
export async function freeIntegrationName(db: Db, tenantId: string, label: string): Promise<string> {
  const taken = new Set(
    (await db.select({ name: integrations.name }).from(integrations).where(eq(integrations.tenantId, tenantId))).map((row) => row.name.toLowerCase()),
  );
  for (let n = 1; ; n++) {
    const name = n === 1 ? label : `${label} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
