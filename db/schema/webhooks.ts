import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { consoleUsers, tenants } from "./tenants";

/**
 * A tenant's webhook endpoint (lib/webhooks). Besides its settings it carries its own place
 * in the tenant's change events: the feed position (txId, id) of the last event it was sent
 * or skipped, which moves only past an event the receiver took, so delivery is in order and
 * at least once. A new endpoint starts after the events of transactions older than its own.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** The event types it is sent; null: every type. */
    eventTypes: text("event_types").array(),
    /** The Standard Webhooks signing secret (whsec_...): kept, since signing needs it. */
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => consoleUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cursorTxId: bigint("cursor_tx_id", { mode: "number" })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    cursorId: bigint("cursor_id", { mode: "number" }).notNull().default(0),
    /** Failed attempts at the event in hand; the next one waits longer. */
    failedAttempts: integer("failed_attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the current run of failures began; null while deliveries succeed. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    /** The app instance delivering to it, and until when; a lapsed lease is anyone's to take. */
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
  },
  (t) => [index("webhook_endpoints_tenant_idx").on(t.tenantId), index("webhook_endpoints_due_idx").on(t.nextAttemptAt).where(sql`${t.enabled}`)],
);
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/** One attempt to send an endpoint an event (or a test event): the endpoint's delivery log. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The webhook-id header: the change event's id, or test_... for a test event. */
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    attempt: integer("attempt").notNull(),
    /** The receiver's HTTP status; null when no response came (refused address, timeout, network). */
    status: integer("status"),
    ok: boolean("ok").notNull(),
    error: text("error"),
    latencyMs: integer("latency_ms").notNull(),
    responseExcerpt: text("response_excerpt"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id)],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
