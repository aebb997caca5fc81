import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people } from "@/db/schema";
import { uniqueness, type ScimError } from "@/lib/scim/errors";

/**
 * The 409 for a userName another live person of the tenant has, naming the integration that
 * manages them: the tenant admin reads this detail in Entra's or Okta's provisioning log and
 * must know where to act (remove the person there, or let this integration take people over).
 */
export async function userNameTaken(db: Db, tenantId: string, userName: string, ownIntegrationId: string): Promise<ScimError> {
  const [holder] = await db
    .select({ integrationId: people.integrationId, integrationName: integrations.name })
    .from(people)
    .leftJoin(integrations, eq(integrations.id, people.integrationId))
    .where(and(eq(people.tenantId, tenantId), isNull(people.deletedAt), sql`lower(${people.userName}) = lower(${userName})`))
    .limit(1);
  const base = `A user with userName "${userName}" already exists in this tenant`;
  if (!holder || holder.integrationId === ownIntegrationId) return uniqueness(base);
  const manager = holder.integrationName ? `the integration "${holder.integrationName}"` : "no integration (it was removed)";
  return uniqueness(
    `${base}, managed by ${manager}. To move people between identity providers, set this integration's "People who already exist" setting to "Take over".`,
  );
}
