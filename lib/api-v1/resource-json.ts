import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { groupLastModifiedOf } from "@/lib/groups/group-version";

/**
 * How /api/v1 shows a person and a role: the one rule for both the change events' `resource`
 * and the people and roles endpoints. The database builds the JSON from a row aliased
 * `alias` (so an event's resource is read in the statement that records it, with no round
 * trip); the zod schemas below say what it holds, check what the endpoints send, and are
 * what the OpenAPI document is generated from. `scim` is the SCIM resource as last written.
 */
export function personJson(alias: string): SQL {
  const p = sql.raw(alias);
  return sql`jsonb_build_object(
    'id', ${p}.id, 'integrationId', ${p}.integration_id, 'userName', ${p}.user_name, 'externalId', ${p}.external_id,
    'active', ${p}.active, 'displayName', ${p}.display_name, 'givenName', ${p}.given_name, 'familyName', ${p}.family_name,
    'email', ${p}.primary_email, 'region', ${p}.region, 'createdAt', ${p}.created_at, 'updatedAt', ${p}.updated_at,
    'deletedAt', ${p}.deleted_at, 'scim', ${p}.resource)`;
}

export function roleJson(alias: string): SQL {
  const g = sql.raw(alias);
  return sql`jsonb_build_object(
    'id', ${g}.id, 'integrationId', ${g}.integration_id, 'displayName', ${g}.display_name, 'externalId', ${g}.external_id,
    'createdAt', ${g}.created_at, 'updatedAt', ${groupLastModifiedOf(alias)}, 'deletedAt', ${g}.deleted_at)`;
}

/** A timestamp as PostgreSQL writes one into JSON: ISO 8601 with an offset. */
export const timestamp = z.iso.datetime({ offset: true });
const integrationId = z.guid().nullable().describe("The integration (identity provider) that manages it; null once that integration is removed");

export const apiPersonSchema = z
  .object({
    id: z.guid(),
    integrationId,
    userName: z.string(),
    externalId: z.string().nullable().describe("The identity provider's id for the person"),
    active: z.boolean().describe("false once deactivated: status inactive"),
    displayName: z.string().nullable(),
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    email: z.string().nullable().describe("The primary email"),
    region: z.string().nullable().describe("The target app's region"),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: timestamp.nullable().describe("Set once deleted (status deleted): hidden from the identity provider, retained here"),
    scim: z.record(z.string(), z.unknown()).describe("The SCIM 2.0 User resource as last written"),
  })
  .describe("A provisioned person");
export type ApiPerson = z.output<typeof apiPersonSchema>;

export const apiRoleSchema = z
  .object({
    id: z.guid(),
    integrationId,
    displayName: z.string(),
    externalId: z.string().nullable().describe("The identity provider's id for the group"),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: timestamp.nullable().describe("Set once the identity provider deleted the group"),
  })
  .describe("A role: a group the identity provider provisions");
export type ApiRole = z.output<typeof apiRoleSchema>;
