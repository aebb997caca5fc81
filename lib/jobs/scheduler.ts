import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/db/client";
import { logger } from "@/lib/observability/logger";
import { claimJobLease, releaseJobLease, renewJobLease, type LeaseTerms } from "./job-lease";
import type { ScheduledJob } from "./scheduled-job";

/** This process, as named in a lease it holds. */
export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 500);
}

export type RunOutcome = { ran: false } | { ran: true; error: string | null };

/**
 * Runs the job once if it is due and no other instance holds its lease; the lease is renewed
 * while the run lasts (a lost lease aborts the run's signal) and released after, with the
 * run's error if it failed. A failed run is retried when the job is next due.
 */
export async function runJobIfDue(
  db: Db,
  job: ScheduledJob,
  options: { owner: string; signal?: AbortSignal; now?: () => Date },
): Promise<RunOutcome> {
  const terms: LeaseTerms = { name: job.name, owner: options.owner, leaseSeconds: job.leaseSeconds, everySeconds: job.everySeconds };
  if (!(await claimJobLease(db, terms))) return { ran: false };
  const leaseLost = new AbortController();
  const renewal = setInterval(() => {
    renewJobLease(db, terms).then(
      (held) => held || leaseLost.abort(),
      () => leaseLost.abort(),
    );
  }, (job.leaseSeconds * 1000) / 3);
  renewal.unref();
  const signal = options.signal ? AbortSignal.any([options.signal, leaseLost.signal]) : leaseLost.signal;
  let error: string | null = null;
  const log = logger().child({ job: job.name, owner: options.owner });
  // A job that runs every few seconds (webhook delivery) would fill an info log with its runs.
  const level = job.everySeconds < 60 ? "debug" : "info";
  log[level]("job run started");
  try {
    await job.run({ db, now: (options.now ?? (() => new Date()))(), signal });
  } catch (failure) {
    error = oneLine(failure);
    console.error(`The scheduled job ${job.name} failed`, failure);
  } finally {
    clearInterval(renewal);
  }
  await releaseJobLease(db, terms, error);
  log[error ? "warn" : level]({ error, leaseLost: leaseLost.signal.aborted }, "job run finished");
  return { ran: true, error };
}

export type Scheduler = { stop(): Promise<void> };

/**
 * Asks the database, for each job, whether it is due: at start, then every `everySeconds` (at
 * most every minute, so across instances a job runs close to its interval). stop() starts no
 * new run, aborts the runs in hand and waits for them to end.
 */
export function startScheduler(db: Db, jobs: ScheduledJob[], options: { owner?: string } = {}): Scheduler {
  const owner = options.owner ?? instanceName();
  const stopping = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();

  const check = (job: ScheduledJob) => {
    if (stopping.signal.aborted) return;
    const run = runJobIfDue(db, job, { owner, signal: stopping.signal })
      .catch((error: unknown) => console.error(`The scheduled job ${job.name} could not be checked`, error))
      .finally(() => {
        running.delete(run);
        later(job);
      });
    running.add(run);
  };
  const later = (job: ScheduledJob) => {
    if (stopping.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      check(job);
    }, Math.min(job.everySeconds, 60) * 1000);
    timer.unref();
    timers.add(timer);
  };

  for (const job of jobs) check(job);
  return {
    async stop() {
      stopping.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
