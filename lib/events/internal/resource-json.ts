import { sql, type SQL } from "drizzle-orm";

/**
 * How /api/v1 shows a person and a role, built by the database from a row aliased `alias`
 * (so an event's resource is read in the statement that records it, with no round trip).
 * `scim` is the SCIM resource as last written.
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
    'createdAt', ${g}.created_at, 'updatedAt', ${g}.updated_at, 'deletedAt', ${g}.deleted_at)`;
}
