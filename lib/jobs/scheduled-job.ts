import type { Db } from "@/db/client";

/** What a job's run is given. */
export type JobContext = {
  db: Db;
  /** The run's clock: the job decides what is due against it, never against Date.now(). */
  now: Date;
  /** Aborted when the scheduler stops or the lease is lost: finish the unit of work in hand, start no other. */
  signal: AbortSignal;
};

/**
 * A job run by the scheduler (lib/jobs/scheduler.ts) on at most one app instance at a time,
 * about every `everySeconds` across all instances. A run must be safe to repeat and to cut
 * short between units of work: each unit commits on its own, and what is left stays due.
 */
export type ScheduledJob = {
  name: string;
  everySeconds: number;
  /** How long a run may go unrenewed before another instance may take over; renewed while it runs. */
  leaseSeconds: number;
  run(context: JobContext): Promise<void>;
};
