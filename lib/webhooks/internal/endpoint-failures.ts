import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consoleUsers, memberships, webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import type { Mailer } from "@/lib/mail/mailer";
import { logger } from "@/lib/observability/logger";

/** An endpoint failing this long, without one success, is disabled and its tenant's admins told. */
export const DISABLE_AFTER_MS = 3 * 24 * 3600 * 1000;
const FIRST_RETRY_MS = 5_000;
const LONGEST_WAIT_MS = 3600_000;

/** The wait after the n-th failed attempt in a row: 5 s, doubling, at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(failedAttempts - 1, 30), LONGEST_WAIT_MS);
}

/**
 * Records a failed attempt on an endpoint this instance holds (and the position of events it
 * skipped before it), scheduling the retry; after DISABLE_AFTER_MS of failures it disables the
 * endpoint instead. Returns whether it disabled it.
 */
export async function recordEndpointFailure(
  db: Db,
  endpoint: WebhookEndpoint,
  options: { owner: string; now: Date; cursor: { txId: number; id: number } },
): Promise<boolean> {
  const { owner, now, cursor } = options;
  const failedAttempts = endpoint.failedAttempts + 1;
  const failingSince = endpoint.failingSince ?? now;
  const disable = now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
  const updated = await db
    .update(webhookEndpoints)
    .set({
      cursorTxId: cursor.txId,
      cursorId: cursor.id,
      failedAttempts,
      failingSince,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(failedAttempts)),
      leaseOwner: null,
      leaseUntil: null,
      ...(disable ? { enabled: false, disabledAt: now } : {}),
    })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.leaseOwner, owner)))
    .returning({ id: webhookEndpoints.id });
  if (!disable || updated.length === 0) return false;
  await recordAudit(db, {
    tenantId: endpoint.tenantId,
    actor: { userId: null, label: "webhook delivery" },
    action: "webhook.disabled",
    detail: { webhookId: endpoint.id, url: endpoint.url, failingSince: failingSince.toISOString() },
  });
  return true;
}

/** Emails the tenant's admins that an endpoint was disabled; a mail failure is logged, not retried. */
export async function alertAdminsOfDisabledEndpoint(db: Db, endpoint: WebhookEndpoint, mailer: Mailer | null): Promise<void> {
  if (!mailer) return;
  const admins = await db
    .select({ email: consoleUsers.email })
    .from(memberships)
    .innerJoin(consoleUsers, eq(consoleUsers.id, memberships.userId))
    .where(and(eq(memberships.tenantId, endpoint.tenantId), eq(memberships.role, "admin")));
  const since = endpoint.failingSince?.toISOString() ?? "three days";
  for (const { email } of admins) {
    try {
      await mailer.send({
        to: email,
        subject: `Webhook endpoint disabled: ${endpoint.url}`,
        text: `Every delivery to ${endpoint.url} has failed since ${since}, so it was disabled and no more events are sent to it.\n\nSee its delivery log and enable it again under Settings > Webhooks: ${env().APP_URL}/settings/webhooks\n`,
      });
    } catch (error) {
      logger().warn({ err: error, webhookId: endpoint.id }, "webhook disabled alert email failed");
    }
  }
}
