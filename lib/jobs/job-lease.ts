import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scheduledJobs } from "@/db/schema";

/**
 * The lease on a job's row: who runs it and until when. Times are the database's clock, the
 * one clock every app instance shares.
 */
export type LeaseTerms = { name: string; owner: string; leaseSeconds: number; everySeconds: number };

/**
 * Takes the job's lease when the job is due (its last start at least `everySeconds` ago) and
 * nobody holds a live lease. Of several instances asking at once exactly one gets it: the
 * UPDATE waits on the row and re-checks the condition after the winner commits.
 */
export async function claimJobLease(db: Db, terms: LeaseTerms): Promise<boolean> {
  await db.insert(scheduledJobs).values({ name: terms.name }).onConflictDoNothing();
  const claimed = await db
    .update(scheduledJobs)
    .set({
      leaseOwner: terms.owner,
      leaseUntil: sql`now() + make_interval(secs => ${terms.leaseSeconds})`,
      lastStartedAt: sql`now()`,
    })
    .where(
      and(
        eq(scheduledJobs.name, terms.name),
        sql`(${scheduledJobs.leaseUntil} is null or ${scheduledJobs.leaseUntil} < now())`,
        sql`(${scheduledJobs.lastStartedAt} is null or ${scheduledJobs.lastStartedAt} <= now() - make_interval(secs => ${terms.everySeconds}))`,
      ),
    )
    .returning({ name: scheduledJobs.name });
  return claimed.length === 1;
}

/** Extends a lease still held by `owner`; false when another instance took it after it lapsed. */
export async function renewJobLease(db: Db, terms: LeaseTerms): Promise<boolean> {
  const renewed = await db
    .update(scheduledJobs)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${terms.leaseSeconds})` })
    .where(and(eq(scheduledJobs.name, terms.name), eq(scheduledJobs.leaseOwner, terms.owner)))
    .returning({ name: scheduledJobs.name });
  return renewed.length === 1;
}

/** Gives the lease back after a run, recording how it went; a lease another instance took is left alone. */
export async function releaseJobLease(db: Db, terms: LeaseTerms, error: string | null): Promise<void> {
  await db
    .update(scheduledJobs)
    .set({ leaseOwner: null, leaseUntil: null, lastFinishedAt: sql`now()`, lastError: error })
    .where(and(eq(scheduledJobs.name, terms.name), eq(scheduledJobs.leaseOwner, terms.owner)));
}
