import { env } from "@/lib/env";
import type { ScheduledJob } from "@/lib/jobs/scheduled-job";
import { pruneChangeEvents } from "./prune-change-events";

/**
 * Keeps the outbox (the /api/v1/events feed) and the webhook delivery log within
 * CHANGE_EVENTS_RETENTION_DAYS, hourly, on one instance at a time; no request waits for it.
 */
export function changeEventsPruneJob(): ScheduledJob {
  return {
    name: "change-events-prune",
    everySeconds: 3600,
    leaseSeconds: 600,
    async run({ db, now, signal }) {
      await pruneChangeEvents(db, { days: env().CHANGE_EVENTS_RETENTION_DAYS, now, signal });
    },
  };
}
