import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { AlertHistoryEntry } from "@/lib/connection-health/list-alerts";
import { AlertSettingsForm } from "./alert-settings-form";

type Props = {
  integration: { id: string; notificationEmail: string | null; massChangeThreshold: number | null; pauseOnMassChange: boolean };
  alerts: AlertHistoryEntry[];
  canManage: boolean;
};

const topics = { connection: "Connection", mass_change: "Mass-change guard" } as const;

/** The integration's alert state changes, newest first, and where alerts go. */
export function AlertHistory({ integration, alerts, canManage }: Props) {
  return (
    <Card className="p-6">
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading" className="text-base font-semibold text-slate-900">
          Alerts
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Failing, stale, token expiring or expired, and mass changes raise a banner for admins on every console page until they clear, and an email
          to the notification address when the console can send email.
        </p>
        {canManage ? (
          <div className="mt-5">
            <AlertSettingsForm integration={integration} />
          </div>
        ) : null}
        <h3 className="mt-6 text-sm font-semibold text-slate-900">History</h3>
        {alerts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No alert yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="Alert history">
            {alerts.map((alert) => (
              <li key={alert.id} className="py-2">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium text-slate-900">
                    {topics[alert.topic]}: {alert.label}
                  </span>
                  <span className="text-xs text-slate-500">
                    {formatDateTime(alert.createdAt)}
                    {alert.emailedAt ? " · emailed" : ""}
                  </span>
                </div>
                {alert.state ? <p className="mt-0.5 text-slate-600">{alert.detail}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}
