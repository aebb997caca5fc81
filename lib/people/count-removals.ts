import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, type Integration } from "@/db/schema";

const HOUR_MS = 3_600_000;

/** The removals the guard counts start an hour ago, or at the admin's last confirmation if later. */
export function countingSince(integration: Pick<Integration, "massChangeConfirmedAt">, now: Date): Date {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const confirmed = integration.massChangeConfirmedAt;
  return confirmed && confirmed > hourAgo ? confirmed : hourAgo;
}

/**
 * How many people the integration deactivated or deleted since `since`: one count on
 * events_removals_idx. The actions are literals, not parameters, so the planner can match the
 * partial index's predicate.
 */
export async function countRemovals(db: Db, tenantId: string, integrationId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(events)
    .where(and(eq(events.actorId, integrationId), sql`${events.action} in ('deactivated', 'deleted', 'deleted_hard')`, gt(events.createdAt, since), eq(events.tenantId, tenantId)));
  return row.n;
}

