import { count, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrationAlerts } from "@/db/schema";
import { latestAlerts } from "./list-alerts";

export type AlertCounts = {
  /** Alerts in force now, across every tenant, by topic and state. */
  inForce: { topic: string; state: string; count: number }[];
  /** Every change into a bad state ever recorded (alerts of deleted integrations excepted), by state. */
  raised: { state: string; count: number }[];
};

/** The platform's alert counts, for the operator's metrics: the same on every instance. */
export async function countAlerts(db: Db): Promise<AlertCounts> {
  const inForce = new Map<string, { topic: string; state: string; count: number }>();
  for (const alert of await latestAlerts(db)) {
    if (!alert.state) continue;
    const key = `${alert.topic}|${alert.state}`;
    const entry = inForce.get(key) ?? { topic: alert.topic, state: alert.state, count: 0 };
    entry.count += 1;
    inForce.set(key, entry);
  }
  const raised = await db
    .select({ state: integrationAlerts.state, count: count() })
    .from(integrationAlerts)
    .where(isNotNull(integrationAlerts.state))
    .groupBy(integrationAlerts.state);
  return { inForce: [...inForce.values()], raised: raised.map((r) => ({ state: r.state!, count: r.count })) };
}
