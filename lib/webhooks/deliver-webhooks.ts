import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { eventIdOf, eventIdSchema, type EventPosition } from "@/lib/events/event-cursor";
import { listChangeEvents, type ChangeEvent } from "@/lib/events/list-change-events";
import type { Mailer } from "@/lib/mail/mailer";
import { claimDueEndpoints, ENDPOINT_LEASE_SECONDS } from "./internal/claim-endpoints";
import { alertAdminsOfDisabledEndpoint, recordEndpointFailure } from "./internal/endpoint-failures";
import { logDelivery } from "./internal/log-delivery";
import { sendWebhook } from "./internal/send-webhook";

const ENDPOINTS_AT_ONCE = 20;
const RECLAIM_MS = 1_000;
const EVENTS_PER_TURN = 100;

export type DeliveryOptions = {
  owner: string;
  /** The clock deliveries are due, retried and leased against. */
  clock: () => Date;
  mailer: Mailer | null;
  signal?: AbortSignal;
  /** How long a receiver may take to answer; WEBHOOK_TIMEOUT_MS unless given. */
  responseTimeoutMs?: number;
};

export type DeliveryTally = { sent: number; failed: number };

/** The body of an event's webhook: the event as /api/v1/events shows it (type, timestamp, data, ...). */
export function webhookMessageOf(event: ChangeEvent) {
  return { id: event.id, type: event.type, payload: JSON.stringify(event) };
}

function subscribed(endpoint: WebhookEndpoint, type: string): boolean {
  return !endpoint.eventTypes || endpoint.eventTypes.includes(type);
}

/**
 * Sends one claimed endpoint its next events in feed order (listChangeEvents, so it never
 * passes an event still invisible to the feed). The cursor moves past an event only once the
 * receiver took it (or it is of a type the endpoint skips); the first failure stops the turn
 * and schedules a retry of that same event. Returns whether there was anything to send.
 */
async function deliverToEndpoint(db: Db, endpoint: WebhookEndpoint, options: DeliveryOptions, tally: DeliveryTally): Promise<boolean> {
  const { owner, clock } = options;
  let cursor: EventPosition = { txId: endpoint.cursorTxId, id: endpoint.cursorId };
  // An endpoint disabled for longer than retention resumes at the oldest event kept: the pruned ones are gone for every reader.
  const { data } = await listChangeEvents(db, endpoint.tenantId, { after: eventIdOf(cursor), limit: EVENTS_PER_TURN }, { pastRetention: "resume" });
  const held = and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.leaseOwner, owner));
  for (const event of data) {
    if (options.signal?.aborted) break;
    const position = eventIdSchema.parse(event.id);
    if (subscribed(endpoint, event.type)) {
      const message = webhookMessageOf(event);
      const outcome = await sendWebhook(endpoint.url, endpoint.secret, message, { now: clock(), timeoutMs: options.responseTimeoutMs });
      await logDelivery(db, { tenantId: endpoint.tenantId, endpointId: endpoint.id, message, attempt: endpoint.failedAttempts + 1, outcome });
      if (!outcome.ok) {
        tally.failed++;
        const now = clock();
        if (await recordEndpointFailure(db, endpoint, { owner, now, cursor })) await alertAdminsOfDisabledEndpoint(db, endpoint, options.mailer);
        return true;
      }
      tally.sent++;
      const renewed = await db
        .update(webhookEndpoints)
        .set({
          cursorTxId: position.txId,
          cursorId: position.id,
          failedAttempts: 0,
          failingSince: null,
          leaseUntil: new Date(clock().getTime() + ENDPOINT_LEASE_SECONDS * 1000),
        })
        .where(held)
        .returning({ id: webhookEndpoints.id });
      // Lost the lease (it lapsed and another instance took the endpoint): it carries on from here.
      if (renewed.length === 0) return true;
      endpoint = { ...endpoint, failedAttempts: 0, failingSince: null };
    }
    cursor = position;
  }
  await db.update(webhookEndpoints).set({ cursorTxId: cursor.txId, cursorId: cursor.id, leaseOwner: null, leaseUntil: null }).where(held);
  return data.length > 0;
}

/** Resolves true after `ms`, or at once when the signal aborts; the timer never keeps a process up. */
function tick(ms: number, signal: AbortSignal | undefined): { done: Promise<boolean>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    timer.unref();
    const stop = () => resolve(true);
    signal?.addEventListener("abort", stop, { once: true });
    cancel = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
    };
  });
  return { done, cancel };
}

/**
 * Delivers every due endpoint's pending events until none is left or the signal aborts, up to
 * ENDPOINTS_AT_ONCE endpoints side by side, each one's events in order. A slot is refilled as
 * soon as its endpoint's turn ends, and while a slow receiver holds its slot the run looks for
 * newly due endpoints every RECLAIM_MS: a slow receiver holds back only its own events, never
 * another endpoint's. An event committed but still held back from the feed (an older
 * transaction, in any database of the server, has not ended) is pending too: the run looks
 * again every RECLAIM_MS until the feed shows it, rather than ending with it unsent. Safe to
 * run on several instances at once: an endpoint is delivered by whoever leased it
 * (claim-endpoints.ts).
 */
export async function deliverWebhooks(db: Db, options: DeliveryOptions): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, failed: 0 };
  const running = new Map<string, Promise<void>>();
  // Claimed only for events not yet visible to the feed (a transaction still open): looked at again a tick later.
  const nothingVisible = new Set<string>();
  const failures: unknown[] = [];
  let claimMore = true;
  for (;;) {
    if (claimMore && !options.signal?.aborted && running.size < ENDPOINTS_AT_ONCE) {
      // Cleared before the claim, not after: a turn ending during the claim asks for another.
      claimMore = false;
      const claimed = await claimDueEndpoints(db, { owner: options.owner, now: options.clock(), limit: ENDPOINTS_AT_ONCE - running.size, skip: [...nothingVisible] });
      if (claimed.length > 0) claimMore = true;
      for (const endpoint of claimed) {
        const turn = deliverToEndpoint(db, endpoint, options, tally).then(
          (worked) => {
            if (!worked) nothingVisible.add(endpoint.id);
            claimMore = true;
          },
          (error: unknown) => void failures.push(error),
        );
        running.set(endpoint.id, turn.finally(() => running.delete(endpoint.id)));
      }
    }
    if (running.size === 0 && (nothingVisible.size === 0 || options.signal?.aborted)) break;
    const timer = tick(RECLAIM_MS, options.signal);
    const ticked = await Promise.race([timer.done, ...[...running.values()].map((turn) => turn.then(() => false))]);
    timer.cancel();
    if (ticked) {
      claimMore = true;
      nothingVisible.clear();
    }
  }
  if (failures.length > 0) throw failures[0];
  return tally;
}
