import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import type { ActiveAlert } from "@/lib/connection-health/list-alerts";

/**
 * The tenant's alerts in force, on every console page until each clears (the alerts job
 * records when). The layout passes them to admins only: others cannot act on an integration.
 */
export function AlertBanner({ alerts }: { alerts: ActiveAlert[] }) {
  if (alerts.length === 0) return null;
  return (
    <div role="alert" aria-label="Integration alerts" className="mb-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
      <p className="font-semibold">{alerts.length === 1 ? "An integration needs attention" : `${alerts.length} integration alerts need attention`}</p>
      <ul className="mt-1 space-y-1">
        {alerts.map((alert) => (
          <li key={alert.id}>
            <Link href={`/settings/integrations/${alert.integrationId}`} className="font-medium underline underline-offset-2 hover:text-amber-950">
              {alert.integrationName}: {alert.label}
            </Link>{" "}
            {/* The detail is as the alerts job found it then: say when, so it is not read as now. */}
            <span className="text-amber-800">
              Since {formatDateTime(alert.createdAt)}: {alert.detail}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
