import type { Db } from "@/db/client";
import { people, type Person } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { purgeLockedPeople } from "@/lib/people/internal/purge-locked-people";
import { PURGE_BATCH_SIZE } from "@/lib/people/purge-people";
import { duePeople, scheduledPurgeOf, type ScheduledPurge } from "./internal/due-people";

export type RetentionRun = {
  /** The clock of the run: who is due is decided against it, so tests control it. */
  now: Date;
  /** Only this tenant's people; without it, every tenant's. */
  tenantId?: string;
  batchSize?: number;
  /** Checked between batches: a run that is stopped ends after the batch in hand. */
  signal?: AbortSignal;
};

/** Who a run purged: ids and dates only, since the names are gone. */
export type PurgedByRetention = Omit<ScheduledPurge, "name" | "policy">;

/** Who a retention policy acts as, in History and in the audit log. */
export function retentionActor(integrationName: string): AuditActor {
  return { userId: null, label: `Retention policy of ${integrationName}` };
}

/**
 * Permanently deletes everyone a retention policy has made due by `now`, through the same
 * purge as support's (tombstone, request-log scrub), in batches of one transaction each.
 * Rows are claimed FOR UPDATE SKIP LOCKED: runners at once each take different people, and
 * a person locked by a SCIM write in flight is left for the next run, still due. Each
 * policy rule's share of a batch is audited with the policy as the actor.
 */
export async function purgeDuePeople(db: Db, run: RetentionRun): Promise<{ purged: PurgedByRetention[] }> {
  const batchSize = run.batchSize ?? PURGE_BATCH_SIZE;
  const purged: PurgedByRetention[] = [];
  for (;;) {
    if (run.signal?.aborted) break;
    const batch = await db.transaction(async (tx) => {
      const rows = await duePeople(tx, { tenantId: run.tenantId, dueBy: run.now })
        .limit(batchSize)
        .for("update", { of: people, skipLocked: true });
      const groups = new Map<string, { due: ScheduledPurge; persons: Person[] }>();
      for (const row of rows) {
        const due = scheduledPurgeOf(row);
        const key = `${due.integration.id}:${due.rule}`;
        const group = groups.get(key) ?? { due, persons: [] };
        group.persons.push(row.person);
        groups.set(key, group);
      }
      for (const { due, persons } of groups.values()) {
        const actor = retentionActor(due.integration.name);
        await purgeLockedPeople(tx, due.tenantId, persons, { type: "system", id: null, label: actor.label }, due.policy);
        await recordAudit(tx, {
          tenantId: due.tenantId,
          actor,
          action: "retention.purged",
          detail: { integrationId: due.integration.id, name: due.integration.name, rule: due.rule, days: due.days, personIds: persons.map((p) => p.id) },
        });
      }
      return rows.map((row): PurgedByRetention => {
        const { personId, tenantId, integration, dueAt, rule, days } = scheduledPurgeOf(row);
        return { personId, tenantId, integration, dueAt, rule, days };
      });
    });
    purged.push(...batch);
    if (batch.length < batchSize) break;
  }
  return { purged };
}
