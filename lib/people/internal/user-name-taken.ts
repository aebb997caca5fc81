import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people } from "@/db/schema";
import { managedElsewhere } from "@/lib/integrations/managed-elsewhere";
import { uniqueness, type ScimError } from "@/lib/scim/errors";

/** The 409 for a userName another live person of the tenant has, naming who manages them. */
export async function userNameTaken(db: Db, tenantId: string, userName: string, ownIntegrationId: string): Promise<ScimError> {
  const [holder] = await db
    .select({ integrationId: people.integrationId, integrationName: integrations.name })
    .from(people)
    .leftJoin(integrations, eq(integrations.id, people.integrationId))
    .where(and(eq(people.tenantId, tenantId), isNull(people.deletedAt), sql`lower(${people.userName}) = lower(${userName})`))
    .limit(1);
  const elsewhere = managedElsewhere(holder, ownIntegrationId);
  const base = `A user with userName "${userName}" already exists in this tenant${elsewhere}`;
  if (!elsewhere) return uniqueness(base);
  return uniqueness(`${base}. To move people between identity providers, set this integration's "People who already exist" setting to "Take over".`);
}
