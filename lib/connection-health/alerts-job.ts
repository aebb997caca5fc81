import type { ScheduledJob } from "@/lib/jobs/scheduled-job";
import { configuredMailer } from "@/lib/mail/mailer";
import { evaluateAlerts } from "./evaluate-alerts";

/** The scheduled job that records alert state changes and emails them (lib/jobs runs it on one instance at a time). */
export function alertsJob(everySeconds: number): ScheduledJob {
  return {
    name: "alerts",
    everySeconds,
    leaseSeconds: 300,
    async run({ db, now, signal }) {
      await evaluateAlerts(db, { now, mailer: configuredMailer(), signal });
    },
  };
}
