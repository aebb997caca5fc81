/**
 * The clause a 409 adds when the person or group it collides with is managed by another
 * integration of the tenant (", managed by the integration "Okta""), or "" when the holder is
 * the asking integration itself or there is none: the tenant admin reads this detail in
 * Entra's or Okta's provisioning log and must know where to act.
 */
export function managedElsewhere(holder: { integrationId: string | null; integrationName: string | null } | undefined, ownIntegrationId: string): string {
  if (!holder || holder.integrationId === ownIntegrationId) return "";
  return holder.integrationName ? `, managed by the integration "${holder.integrationName}"` : ", managed by no integration (it was removed)";
}
