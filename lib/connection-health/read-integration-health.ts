import type { Db } from "@/db/client";
import type { Integration } from "@/db/schema";
import { listLiveRequests, type LiveRequest } from "@/lib/activity/list-live-requests";
import { connectionState, type ConnectionFacts, type ConnectionHealth } from "./connection-state";
import { listActiveAlerts, listAlertHistory, type AlertHistoryEntry } from "./list-alerts";
import { readConnectionFacts } from "./read-connection-facts";

export type IntegrationHealthView = {
  facts: ConnectionFacts;
  health: ConnectionHealth;
  /** The mass-change guard's state: paused (removals refused), tripped (alert only) or quiet. */
  massChange: "paused" | "tripped" | null;
  alerts: AlertHistoryEntry[];
  live: LiveRequest[];
};

/** What the integration's page shows about its connection, its alerts and its latest requests. */
export async function readIntegrationHealth(
  db: Db,
  integration: Pick<Integration, "id" | "tenantId" | "removalsPausedAt">,
  now: Date,
): Promise<IntegrationHealthView | null> {
  const { tenantId, id } = integration;
  const facts = await readConnectionFacts(db, tenantId, id, now);
  if (!facts) return null;
  const [active, alerts, live] = await Promise.all([
    listActiveAlerts(db, tenantId),
    listAlertHistory(db, tenantId, id),
    listLiveRequests(db, tenantId, { integrationId: id, afterId: 0 }),
  ]);
  const tripped = active.some((a) => a.integrationId === id && a.topic === "mass_change");
  return { facts, health: connectionState(facts, now), massChange: integration.removalsPausedAt ? "paused" : tripped ? "tripped" : null, alerts, live };
}
