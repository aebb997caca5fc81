import type { Db } from "@/db/client";
import { listIntegrations, type IntegrationRow } from "@/lib/integrations/list-integrations";
import { connectionState, type ConnectionFacts, type ConnectionHealth } from "./connection-state";
import { readConnectionFacts } from "./read-connection-facts";

export type IntegrationHealth = IntegrationRow & { health: ConnectionHealth; facts: ConnectionFacts };

/** Every integration of the tenant with its connection state at `now`, oldest first. */
export async function listConnectionHealth(db: Db, tenantId: string, now: Date): Promise<IntegrationHealth[]> {
  const rows = await listIntegrations(db, tenantId);
  const result: IntegrationHealth[] = [];
  for (const row of rows) {
    const facts = await readConnectionFacts(db, tenantId, row.id, now);
    if (facts) result.push({ ...row, facts, health: connectionState(facts, now) });
  }
  return result;
}
