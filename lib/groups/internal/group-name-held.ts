import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, integrations } from "@/db/schema";
import { uniqueness, type ScimError } from "@/lib/scim/errors";
import { displayNameTaken } from "./commit-group-change";

/**
 * The 409 for a displayName another live group of the tenant has. When another integration
 * manages that group, the detail names it, as a person's 409 does: the tenant admin reads it
 * in Entra's or Okta's provisioning log and must know where to act.
 */
export async function groupNameHeld(db: Db, tenantId: string, displayName: unknown, ownIntegrationId: string): Promise<ScimError> {
  const [holder] = await db
    .select({ integrationId: groups.integrationId, integrationName: integrations.name })
    .from(groups)
    .leftJoin(integrations, eq(integrations.id, groups.integrationId))
    .where(and(eq(groups.tenantId, tenantId), isNull(groups.deletedAt), sql`lower(${groups.displayName}) = lower(${String(displayName)})`))
    .limit(1);
  if (!holder || holder.integrationId === ownIntegrationId) return displayNameTaken(displayName);
  const manager = holder.integrationName ? `the integration "${holder.integrationName}"` : "no integration (it was removed)";
  return uniqueness(`A group named "${String(displayName)}" already exists in this tenant, managed by ${manager}`);
}
