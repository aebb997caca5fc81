import type { ScheduledJob } from "@/lib/jobs/scheduled-job";
import { instanceName } from "@/lib/jobs/scheduler";
import { configuredMailer } from "@/lib/mail/mailer";
import { deliverWebhooks } from "./deliver-webhooks";

/**
 * Sends webhooks every second, so a change reaches its receivers about a second after it
 * commits. The run's clock advances with real time from the scheduler's `now`, since one run
 * goes on while events keep coming.
 */
export function webhookDeliveryJob(): ScheduledJob {
  const owner = instanceName();
  return {
    name: "webhook-delivery",
    everySeconds: 1,
    leaseSeconds: 120,
    async run({ db, now, signal }) {
      const startedAt = performance.now();
      const clock = () => new Date(now.getTime() + (performance.now() - startedAt));
      await deliverWebhooks(db, { owner, clock, mailer: configuredMailer(), signal });
    },
  };
}
