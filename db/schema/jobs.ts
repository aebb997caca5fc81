import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per scheduled job (lib/jobs): which app instance holds its lease and until when,
 * and how its last run went. Instances coordinate through this row, never through memory.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  leaseOwner: text("lease_owner"),
  leaseUntil: timestamp("lease_until", { withTimezone: true }),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }),
  /** The last run's failure, one line; null after a run that succeeded. */
  lastError: text("last_error"),
});
export type ScheduledJobRow = typeof scheduledJobs.$inferSelect;
