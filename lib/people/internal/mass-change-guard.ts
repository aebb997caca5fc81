import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { ScimError } from "@/lib/scim/errors";
import { countingSince, countRemovals } from "../count-removals";

/**
 * 409 Conflict: the removal conflicts with the integration's state (paused), and the identity
 * provider retries a failed removal on its next cycle, so it goes through once an admin
 * confirms. Not 503: the request log reads a 503 as "database down" and does not log it, and
 * the admin must see these refusals land.
 */
export class RemovalsPaused extends ScimError {
  constructor(integration: Pick<Integration, "massChangeThreshold">, readonly tripped: boolean) {
    super(
      409,
      undefined,
      `Deactivations and deletions from this integration are paused: more than ${integration.massChangeThreshold ?? 0} within an hour tripped the mass-change guard. An admin of the target app must confirm them on the integration's page in the console; until then they are refused and can be retried.`,
    );
  }
}

/**
 * The mass-change guard, called by a SCIM deactivation or deletion before it writes (inside
 * its transaction when it has one). Only an integration whose guard may pause is checked:
 * one that is paused refuses at once; one whose removals within the hour already reached the
 * threshold trips (the caller records the pause, see pauseRemovalsWhenTripped). Without the
 * pause option, going over the threshold only raises an alert
 * (lib/connection-health/alerts-job.ts).
 */
export async function guardRemoval(db: Db, scope: IntegrationScope, now = new Date()): Promise<void> {
  const { integration } = scope;
  if (!integration.pauseOnMassChange || integration.massChangeThreshold === null) return;
  if (integration.removalsPausedAt) throw new RemovalsPaused(integration, false);
  const removals = await countRemovals(db, scope.tenantId, integration.id, countingSince(integration, now));
  if (removals >= integration.massChangeThreshold) throw new RemovalsPaused(integration, true);
}

/**
 * Records the pause once the removal that tripped the guard has rolled back: written inside
 * that removal's transaction it would roll back with it. Rethrows the error either way.
 */
export function pauseRemovalsWhenTripped(db: Db, scope: IntegrationScope) {
  return async (error: unknown): Promise<never> => {
    if (error instanceof RemovalsPaused && error.tripped) {
      await db
        .update(integrations)
        .set({ removalsPausedAt: sql`now()` })
        .where(and(eq(integrations.id, scope.integration.id), eq(integrations.tenantId, scope.tenantId), isNull(integrations.removalsPausedAt)));
    }
    throw error;
  };
}
