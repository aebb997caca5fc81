import type { ScheduledJob } from "@/lib/jobs/scheduled-job";
import { purgeDuePeople } from "./purge-due-people";

/**
 * The scheduled job of the retention policies: purges everyone due, batch by batch, and
 * says how many in the server's log. A stopped run leaves the rest due for the next one.
 */
export function retentionJob(everySeconds: number): ScheduledJob {
  return {
    name: "retention",
    everySeconds,
    leaseSeconds: 600,
    async run({ db, now, signal }) {
      const { purged } = await purgeDuePeople(db, { now, signal });
      if (purged.length > 0) console.info(`Retention policies permanently deleted ${purged.length} ${purged.length === 1 ? "person" : "people"}.`);
    },
  };
}
