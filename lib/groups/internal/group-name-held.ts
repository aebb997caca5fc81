import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, integrations } from "@/db/schema";
import { managedElsewhere } from "@/lib/integrations/managed-elsewhere";
import { uniqueness, type ScimError } from "@/lib/scim/errors";
import { displayNameTaken } from "./commit-group-change";

/** The 409 for a displayName another live group of the tenant has, naming who manages it. */
export async function groupNameHeld(db: Db, tenantId: string, displayName: unknown, ownIntegrationId: string): Promise<ScimError> {
  const [holder] = await db
    .select({ integrationId: groups.integrationId, integrationName: integrations.name })
    .from(groups)
    .leftJoin(integrations, eq(integrations.id, groups.integrationId))
    .where(and(eq(groups.tenantId, tenantId), isNull(groups.deletedAt), sql`lower(${groups.displayName}) = lower(${String(displayName)})`))
    .limit(1);
  const elsewhere = managedElsewhere(holder, ownIntegrationId);
  return elsewhere ? uniqueness(`A group named "${String(displayName)}" already exists in this tenant${elsewhere}`) : displayNameTaken(displayName);
}
