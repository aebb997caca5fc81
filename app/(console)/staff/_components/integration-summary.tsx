import { Badge } from "@/components/ui/badge";
import type { StaffTenantIntegration } from "@/lib/staff/list-tenants-for-staff";

/**
 * An integration as the platform pages list it: its name, its provider when the name does not
 * say it (a custom name), and whether it is on.
 */
export function IntegrationSummary({ integration, providerLabel }: { integration: StaffTenantIntegration; providerLabel: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-sm text-slate-700">
      <span className="font-medium text-slate-900">{integration.name}</span>
      {integration.name === providerLabel ? null : <span className="text-xs text-slate-500">({providerLabel})</span>}
      <Badge tone={integration.status === "active" ? "green" : "gray"}>{integration.status === "active" ? "Active" : "Disabled"}</Badge>
    </span>
  );
}
