import { and, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, integrations, type Integration } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { ScimError } from "@/lib/scim/errors";

/** The History actions the guard counts: what takes access away. */
export const removalActions = ["deactivated", "deleted", "deleted_hard"] as const;

const HOUR_MS = 3_600_000;

/**
 * 503 with Retry-After: Entra and Okta retry a 503 later instead of giving up on the person
 * (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status),
 * so every paused removal arrives again once an admin confirms.
 */
export class RemovalsPaused extends ScimError {
  constructor(integration: Pick<Integration, "massChangeThreshold">, readonly tripped: boolean) {
    super(
      503,
      undefined,
      `Deactivations and deletions from this integration are paused: more than ${integration.massChangeThreshold ?? 0} within an hour tripped the mass-change guard. An admin of the target app must confirm them on the integration's page in the console; until then they are refused and can be retried.`,
      { "Retry-After": "3600" },
    );
  }
}

/** The removals the guard counts start an hour ago, or at the admin's last confirmation if later. */
export function countingSince(integration: Pick<Integration, "massChangeConfirmedAt">, now: Date): Date {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const confirmed = integration.massChangeConfirmedAt;
  return confirmed && confirmed > hourAgo ? confirmed : hourAgo;
}

/** How many people the integration deactivated or deleted since `since`: one indexed count (events_removals_idx). */
export async function countRemovals(db: Db, tenantId: string, integrationId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(events)
    .where(and(eq(events.actorId, integrationId), inArray(events.action, [...removalActions]), gt(events.createdAt, since), eq(events.tenantId, tenantId)));
  return row.n;
}

/**
 * The mass-change guard, called inside a SCIM deactivation's or deletion's transaction before
 * it writes. Only an integration whose guard may pause is checked: one that is paused refuses
 * at once; one whose removals within the hour already reached the threshold trips (the caller
 * records the pause, see pauseRemovalsWhenTripped). Without the pause option, going over the
 * threshold only raises an alert (lib/connection-health/alerts-job.ts).
 */
export async function guardRemoval(tx: Db, scope: IntegrationScope, now = new Date()): Promise<void> {
  const { integration } = scope;
  if (!integration.pauseOnMassChange || integration.massChangeThreshold === null) return;
  if (integration.removalsPausedAt) throw new RemovalsPaused(integration, false);
  const removals = await countRemovals(tx, scope.tenantId, integration.id, countingSince(integration, now));
  if (removals >= integration.massChangeThreshold) throw new RemovalsPaused(integration, true);
}

/**
 * Records the pause once the removal that tripped the guard has rolled back: written inside
 * that transaction it would roll back with it. Rethrows the error either way.
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
