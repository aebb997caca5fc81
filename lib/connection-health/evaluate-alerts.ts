import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrationAlerts, integrations, type AlertTopic, type Integration } from "@/db/schema";
import { env } from "@/lib/env";
import { recordIntegrationStateChange } from "@/lib/events/record-integration-state-change";
import type { Actor } from "@/lib/history/record-event";
import type { Mailer } from "@/lib/mail/mailer";
import { countingSince, countRemovals } from "@/lib/people/count-removals";
import { alertLabel } from "./alert-labels";
import { alertingStates, connectionState } from "./connection-state";
import { latestAlerts } from "./list-alerts";
import { readConnectionFacts } from "./read-connection-facts";

const systemActor: Actor = { type: "system", id: null, label: "Connection health" };

type Wanted = { topic: AlertTopic; state: string | null; detail: string };

/** What each topic's alert state should be now: a bad connection state, and the mass-change guard's. */
async function wantedAlerts(db: Db, integration: Integration, now: Date): Promise<Wanted[]> {
  const facts = await readConnectionFacts(db, integration.tenantId, integration.id, now);
  const health = facts ? connectionState(facts, now) : null;
  const connection: Wanted = {
    topic: "connection",
    state: health && alertingStates.includes(health.state) ? health.state : null,
    detail: health?.summary ?? "",
  };
  const threshold = integration.massChangeThreshold;
  let massChange: Wanted = { topic: "mass_change", state: null, detail: "No mass change." };
  if (integration.removalsPausedAt) {
    massChange = { topic: "mass_change", state: "paused", detail: `More than ${threshold} deactivations and deletions within an hour: further ones are refused until an admin confirms.` };
  } else if (threshold !== null) {
    const removals = await countRemovals(db, integration.tenantId, integration.id, countingSince(integration, now));
    if (removals > threshold) massChange = { topic: "mass_change", state: "tripped", detail: `${removals} deactivations and deletions within an hour, more than the threshold of ${threshold}.` };
  }
  return [connection, massChange];
}

/**
 * Compares every integration's alert states with the last ones recorded and records each
 * change (a connection's, also as an outbox event); a change into a bad state is emailed to the integration's notification address
 * when a mailer is configured, once: the row is written first and the email is not retried.
 * Stops between integrations when `signal` aborts.
 */
export async function evaluateAlerts(db: Db, options: { now: Date; mailer: Mailer | null; signal?: AbortSignal }): Promise<{ changes: number }> {
  const { now, mailer, signal } = options;
  const recorded = new Map((await latestAlerts(db)).map((row) => [`${row.integrationId}|${row.topic}`, row.state]));
  let changes = 0;
  for (const integration of await db.select().from(integrations)) {
    if (signal?.aborted) break;
    for (const wanted of await wantedAlerts(db, integration, now)) {
      const previous = recorded.get(`${integration.id}|${wanted.topic}`) ?? null;
      if (previous === wanted.state) continue;
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(integrationAlerts)
          .values({ tenantId: integration.tenantId, integrationId: integration.id, topic: wanted.topic, state: wanted.state, detail: wanted.detail, createdAt: now })
          .returning();
        if (wanted.topic === "connection") {
          const change = { aspect: "connection", previous, state: wanted.state, detail: wanted.detail } as const;
          await recordIntegrationStateChange(tx, integration, change, systemActor);
        }
        return inserted;
      });
      changes += 1;
      if (!wanted.state || !mailer || !integration.notificationEmail) continue;
      try {
        await mailer.send({
          to: integration.notificationEmail,
          subject: `${integration.name}: ${alertLabel(wanted.state)}`,
          text: `${wanted.detail}\n\nSee ${env().APP_URL}/settings/integrations/${integration.id}\n\nYou get this email because this address is the notification email of the integration ${integration.name}.`,
        });
        await db.update(integrationAlerts).set({ emailedAt: new Date() }).where(eq(integrationAlerts.id, row.id));
      } catch (error) {
        console.error(`The alert email for ${integration.name} could not be sent`, error);
      }
    }
  }
  return { changes };
}
