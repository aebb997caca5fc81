import { and, asc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people, type Person } from "@/db/schema";
import { personNameSql } from "@/lib/people/person-status";
import { describeRetentionRule, type RetentionRule } from "../retention-rule";

/** When the deletion rule purges a person: N days after the identity provider deleted them. */
const deletionDueAt = sql<Date | null>`case when ${integrations.purgeDaysAfterDeletion} is not null and ${people.deletedAt} is not null
  then ${people.deletedAt} + make_interval(days => ${integrations.purgeDaysAfterDeletion}) end`.mapWith(people.deletedAt);

/**
 * When the deactivation rule purges a person: N days after they became inactive, whether or
 * not they were deleted since. Reactivation clears deactivatedAt, which cancels it.
 */
const deactivationDueAt = sql<Date | null>`case when ${integrations.purgeDaysAfterDeactivation} is not null and not ${people.active} and ${people.deactivatedAt} is not null
  then ${people.deactivatedAt} + make_interval(days => ${integrations.purgeDaysAfterDeactivation}) end`.mapWith(people.deletedAt);

/** The earlier of the two (least() skips a rule that does not apply). */
const purgeDueAt = sql<Date | null>`least(${deletionDueAt}, ${deactivationDueAt})`.mapWith(people.deletedAt);

export type RetentionScope = {
  tenantId?: string;
  integrationId?: string;
  personId?: string;
  /** Only people due by then; without it, everyone a policy will purge some day. */
  dueBy?: Date;
};

/** The people a retention policy will purge, within the scope: one rule for the job, its preview and each person's page. */
export function scheduledForPurge(scope: RetentionScope): SQL | undefined {
  return and(
    isNull(people.purgedAt),
    isNotNull(purgeDueAt),
    scope.tenantId ? eq(people.tenantId, scope.tenantId) : undefined,
    scope.integrationId ? eq(people.integrationId, scope.integrationId) : undefined,
    scope.personId ? eq(people.id, scope.personId) : undefined,
    scope.dueBy ? sql`${purgeDueAt} <= ${scope.dueBy.toISOString()}::timestamptz` : undefined,
  );
}

/** A policy belongs to the person's integration, and only within the person's tenant. */
export const policyOfPerson = and(eq(integrations.id, people.integrationId), eq(integrations.tenantId, people.tenantId));

/** Who a retention policy purges and when, earliest first: the job locks these rows, the previews only read them. */
export function duePeople(db: Db, scope: RetentionScope) {
  return db
    .select({
      person: people,
      name: personNameSql,
      integration: {
        id: integrations.id,
        name: integrations.name,
        purgeDaysAfterDeletion: integrations.purgeDaysAfterDeletion,
        purgeDaysAfterDeactivation: integrations.purgeDaysAfterDeactivation,
      },
      deletionDueAt,
      deactivationDueAt,
    })
    .from(people)
    .innerJoin(integrations, policyOfPerson)
    .where(scheduledForPurge(scope))
    .orderBy(asc(purgeDueAt), asc(people.id))
    .$dynamic();
}

type DueRow = {
  person: Person;
  name: string;
  integration: { id: string; name: string; purgeDaysAfterDeletion: number | null; purgeDaysAfterDeactivation: number | null };
  deletionDueAt: Date | null;
  deactivationDueAt: Date | null;
};

/** A person a retention policy purges: when, and under which rule of which integration. */
export type ScheduledPurge = {
  personId: string;
  tenantId: string;
  name: string;
  integration: { id: string; name: string };
  dueAt: Date;
  rule: RetentionRule;
  days: number;
  /** The rule in words: "30 days after deletion". */
  policy: string;
};

/** Which rule purges the person first; on a tie, the deletion rule. */
export function scheduledPurgeOf(row: DueRow): ScheduledPurge {
  const byDeletion = row.deletionDueAt !== null && (row.deactivationDueAt === null || row.deletionDueAt <= row.deactivationDueAt);
  const rule: RetentionRule = byDeletion ? "deletion" : "deactivation";
  const days = (byDeletion ? row.integration.purgeDaysAfterDeletion : row.integration.purgeDaysAfterDeactivation) as number;
  return {
    personId: row.person.id,
    tenantId: row.person.tenantId,
    name: row.name,
    integration: { id: row.integration.id, name: row.integration.name },
    dueAt: (byDeletion ? row.deletionDueAt : row.deactivationDueAt) as Date,
    rule,
    days,
    policy: describeRetentionRule(days, rule),
  };
}
