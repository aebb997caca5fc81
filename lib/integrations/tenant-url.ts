import type { Integration } from "@/db/schema";
import { env } from "@/lib/env";

/**
 * The Tenant URL an admin pastes into the identity provider. Entra's carries the
 * aadOptscim062020 flag, which opts into its RFC-compliant PATCH behaviour
 * (https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility).
 */
export function tenantUrl(integration: Pick<Integration, "appKey" | "provider">, appUrl = env().APP_URL): string {
  const base = `${appUrl}/api/scim/v2/${integration.appKey}`;
  return integration.provider === "entra" ? `${base}?aadOptscim062020` : base;
}
