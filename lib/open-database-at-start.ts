/**
 * The Node.js half of instrumentation.ts, kept apart so the Edge build never sees it: opens and
 * migrates the database at start, starts the scheduled jobs, and on the embedded database
 * serves the admin CLI.
 */
import { getDatabase, type Db } from "@/db/client";
import { isEmbeddedDatabaseHeld } from "@/db/embedded-lock";
import { isSchemaNewerThanCode } from "@/db/schema-version";
import { requestLogPruneJob } from "@/lib/activity/request-log-prune-job";
import { alertsJob } from "@/lib/connection-health/alerts-job";
import { env } from "@/lib/env";
import { changeEventsPruneJob } from "@/lib/events/change-events-prune-job";
import { startScheduler } from "@/lib/jobs/scheduler";
import { onShutdown } from "@/lib/observability/graceful-shutdown";
import { retentionJob } from "@/lib/retention/retention-job";
import { webhookDeliveryJob } from "@/lib/webhooks/webhook-delivery-job";
import { serveAdminChannel } from "@/scripts/admin/channel";

export async function openDatabaseAtStart(): Promise<void> {
  let database;
  try {
    database = await getDatabase();
  } catch (error) {
    // Serving anyway would open the folder later, beside its owner, and lose writes; or
    // write to a schema this release does not know.
    if (isEmbeddedDatabaseHeld(error) || isSchemaNewerThanCode(error)) {
      console.error(`error: ${error.message}; this server does not start`);
      process.exit(1);
    }
    console.error("The database could not be opened; /api/health answers 503 until it can.", error);
    return;
  }
  startScheduledJobs(database.db);
  if (database.kind !== "pglite") return;
  await serveAdminChannel(database.db, env().DATA_DIR).catch((error: unknown) => {
    console.error(`The admin CLI cannot reach this app: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * The jobs every instance offers to run (the database picks one at a time). At shutdown,
 * once the servers have closed, no new batch starts and the batch in hand ends first (a
 * batch cut short by a kill rolls back and stays due).
 */
function startScheduledJobs(db: Db): void {
  const scheduler = startScheduler(db, [
    retentionJob(env().RETENTION_INTERVAL_SECONDS),
    requestLogPruneJob(),
    changeEventsPruneJob(),
    alertsJob(env().ALERTS_INTERVAL_SECONDS),
    webhookDeliveryJob(),
  ]);
  onShutdown("jobs", () => scheduler.stop());
}
