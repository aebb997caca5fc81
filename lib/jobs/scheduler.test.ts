import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { scheduledJobs } from "@/db/schema";
import type { JobContext, ScheduledJob } from "./scheduled-job";
import { claimJobLease, releaseJobLease, renewJobLease } from "./job-lease";
import { runJobIfDue, startScheduler } from "./scheduler";

/** The scheduler's lease on a real database: several instances, one run at a time. */

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

function countingJob(overrides: Partial<ScheduledJob> = {}) {
  const runs: JobContext[] = [];
  const job: ScheduledJob = {
    name: `job-${randomUUID().slice(0, 8)}`,
    everySeconds: 3600,
    leaseSeconds: 600,
    async run(context) {
      runs.push(context);
    },
    ...overrides,
  };
  return { job, runs };
}

const rowOf = async (name: string) => (await database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, name)))[0];

describe("runJobIfDue", () => {
  it("runs a due job on exactly one of several instances asking at once, with the clock it is given", async () => {
    const { job, runs } = countingJob();
    const now = new Date("2031-05-01T00:00:00Z");
    const outcomes = await Promise.all(["a", "b", "c"].map((owner) => runJobIfDue(database.db, job, { owner, now: () => now })));
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(runs).toHaveLength(1);
    expect(runs[0].now).toEqual(now);
    expect(await rowOf(job.name)).toMatchObject({ leaseOwner: null, leaseUntil: null, lastError: null });
  });

  it("does not run again before its interval has passed, and runs when it has", async () => {
    const { job, runs } = countingJob();
    await runJobIfDue(database.db, job, { owner: "a" });
    expect(await runJobIfDue(database.db, job, { owner: "b" })).toEqual({ ran: false });
    await database.db.update(scheduledJobs).set({ lastStartedAt: sql`now() - interval '2 hours'` }).where(eq(scheduledJobs.name, job.name));
    expect(await runJobIfDue(database.db, job, { owner: "b" })).toEqual({ ran: true, error: null });
    expect(runs).toHaveLength(2);
  });

  it("leaves a job alone while another instance holds a live lease, and takes over a lapsed one", async () => {
    const { job, runs } = countingJob({ everySeconds: 0 });
    await database.db.insert(scheduledJobs).values({ name: job.name, leaseOwner: "crashed", leaseUntil: sql`now() + interval '5 minutes'` });
    expect(await runJobIfDue(database.db, job, { owner: "a" })).toEqual({ ran: false });
    await database.db.update(scheduledJobs).set({ leaseUntil: sql`now() - interval '1 second'` }).where(eq(scheduledJobs.name, job.name));
    expect(await runJobIfDue(database.db, job, { owner: "a" })).toEqual({ ran: true, error: null });
    expect(runs).toHaveLength(1);
  });

  it("records a failed run's error and gives the lease back", async () => {
    const { job } = countingJob({
      everySeconds: 0,
      async run() {
        throw new Error("database on fire\nstack");
      },
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await runJobIfDue(database.db, job, { owner: "a" })).toEqual({ ran: true, error: "database on fire" });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(await rowOf(job.name)).toMatchObject({ leaseOwner: null, leaseUntil: null, lastError: "database on fire" });
  });
});

describe("the lease", () => {
  it("is renewed only by its owner, and released only by its owner", async () => {
    const terms = { name: `lease-${randomUUID().slice(0, 8)}`, owner: "a", leaseSeconds: 60, everySeconds: 0 };
    expect(await claimJobLease(database.db, terms)).toBe(true);
    await database.db.update(scheduledJobs).set({ leaseUntil: sql`now() + interval '1 second'` }).where(eq(scheduledJobs.name, terms.name));
    expect(await renewJobLease(database.db, { ...terms, owner: "b" })).toBe(false);
    await releaseJobLease(database.db, { ...terms, owner: "b" }, null);
    expect((await rowOf(terms.name)).leaseOwner).toBe("a");
    expect(await renewJobLease(database.db, terms)).toBe(true);
    const { leaseUntil } = await rowOf(terms.name);
    // Renewed to a minute from now (the database's clock, on this same machine), not the 1 s it had left.
    expect(leaseUntil!.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });
});

describe("startScheduler", () => {
  it("runs a due job at start, and stop() aborts the run in hand and waits for it to end", async () => {
    let started!: (context: JobContext) => void;
    const running = new Promise<JobContext>((resolve) => (started = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const { job } = countingJob({
      async run(context) {
        started(context);
        await finished;
      },
    });
    const scheduler = startScheduler(database.db, [job], { owner: "instance" });
    const context = await running;
    expect((await rowOf(job.name)).leaseOwner).toBe("instance");

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    expect(context.signal.aborted).toBe(true);
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(await rowOf(job.name)).toMatchObject({ leaseOwner: null, leaseUntil: null });
  });
});
