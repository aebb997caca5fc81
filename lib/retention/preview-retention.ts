import { and, count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, people } from "@/db/schema";
import { duePeople, policyOfPerson, scheduledForPurge, scheduledPurgeOf, type RetentionScope, type ScheduledPurge } from "./internal/due-people";

export type { ScheduledPurge } from "./internal/due-people";

export type RetentionPreview = {
  /** Due by `now`: what the next run purges. */
  dueNow: number;
  /** Everyone the policy will purge, now or later. */
  scheduled: number;
  /** The first of them, earliest first. */
  next: ScheduledPurge[];
};

async function countOf(db: Db, scope: RetentionScope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people).innerJoin(integrations, policyOfPerson).where(and(scheduledForPurge(scope)));
  return row.n;
}

/**
 * A dry run of an integration's retention policy, with the job's own query: how many people
 * the next run purges, how many are scheduled at all, and the first `limit` with their dates.
 */
export async function previewRetention(
  db: Db,
  which: { tenantId: string; integrationId: string },
  now: Date,
  limit = 10,
): Promise<RetentionPreview> {
  const scope = { tenantId: which.tenantId, integrationId: which.integrationId };
  const [dueNow, scheduled, rows] = await Promise.all([
    countOf(db, { ...scope, dueBy: now }),
    countOf(db, scope),
    duePeople(db, scope).limit(limit),
  ]);
  return { dueNow, scheduled, next: rows.map(scheduledPurgeOf) };
}
