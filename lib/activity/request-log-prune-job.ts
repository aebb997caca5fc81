import { env } from "@/lib/env";
import type { ScheduledJob } from "@/lib/jobs/scheduled-job";
import { pruneRequestLog } from "./prune-request-log";

/**
 * Keeps the SCIM request log within its retention period (SCIM_LOG_RETENTION_DAYS) and its
 * refused-request summaries within their bound, hourly, on one instance at a time; no
 * request waits for it.
 */
export function requestLogPruneJob(): ScheduledJob {
  return {
    name: "request-log-prune",
    everySeconds: 3600,
    leaseSeconds: 600,
    async run({ db }) {
      await pruneRequestLog(db, env().SCIM_LOG_RETENTION_DAYS);
    },
  };
}
