import { ConnectionStateBadge } from "@/components/connection-state-badge";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { Integration } from "@/db/schema";
import type { IntegrationHealthView } from "@/lib/connection-health/read-integration-health";
import { ConfirmMassChange } from "./confirm-mass-change";

type Props = {
  integration: Pick<Integration, "id" | "name" | "massChangeThreshold" | "removalsPausedAt">;
  view: IntegrationHealthView;
  canManage: boolean;
};

/** The integration's connection state in words, its numbers, and the mass-change guard when it has tripped. */
export function ConnectionPanel({ integration, view, canManage }: Props) {
  const { facts, health, massChange } = view;
  const rate = health.failureRate === null ? "No requests" : `${Math.round(health.failureRate * 100)}% of ${facts.hour.requests}`;
  return (
    <Card className="p-6">
      <section aria-labelledby="connection-heading" className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="connection-heading" className="text-base font-semibold text-slate-900">
            Connection
          </h2>
          <ConnectionStateBadge state={health.state} />
        </div>
        <p className="text-sm text-slate-700" data-testid="connection-summary">
          {health.summary}
        </p>
        {health.quarantine ? <p className="text-sm text-slate-700">{health.quarantine}</p> : null}
        <dl className="grid grid-cols-2 gap-4 border-t border-slate-100 pt-4 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Failed in the last hour</dt>
            <dd className="mt-0.5 text-slate-900 tabular-nums">{rate}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Changes in the last hour</dt>
            <dd className="mt-0.5 text-slate-900 tabular-nums">{facts.hour.writes}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Last success</dt>
            <dd className="mt-0.5 text-slate-900">{formatDateTime(facts.lastSuccessAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Last failure</dt>
            <dd className="mt-0.5 text-slate-900">{formatDateTime(facts.lastFailureAt)}</dd>
          </div>
        </dl>
        {facts.topReasons.length > 0 ? (
          <div className="text-sm">
            <p className="text-slate-500">Top reasons in the last hour</p>
            <ul className="mt-1 list-disc pl-5 text-slate-800">
              {facts.topReasons.map((r) => (
                <li key={`${r.status}${r.reason}`}>
                  {r.status} {r.reason} ({r.count}×)
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {massChange ? (
          <div className="space-y-3 border-t border-slate-100 pt-4">
            <Alert>
              {massChange === "paused"
                ? `Mass-change guard: more than ${integration.massChangeThreshold} deactivations and deletions within an hour. Further ones are paused since ${formatDateTime(integration.removalsPausedAt)}: they are refused with 409 and your identity provider retries them on its next cycle after you confirm.`
                : `Mass-change guard: more than ${integration.massChangeThreshold} deactivations and deletions within an hour. Check History that they were meant.`}
            </Alert>
          </div>
        ) : null}
        {canManage ? <ConfirmMassChange integration={integration} massChange={massChange} /> : null}
      </section>
    </Card>
  );
}
