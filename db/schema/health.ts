import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { integrations } from "./integrations";
import { tenants } from "./tenants";

/**
 * Hourly counts of an integration's SCIM requests, kept up to date as each request is logged
 * (lib/activity/roll-up-requests.ts): the Overview's chart reads a year of traffic from at most
 * 8,760 rows instead of aggregating the raw log.
 */
export const scimRequestHours = pgTable(
  "scim_request_hours",
  {
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** The start of the hour, UTC. */
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    requests: integer("requests").notNull().default(0),
    /** Requests that failed (lib/activity/is-failed-request.ts). */
    failures: integer("failures").notNull().default(0),
    /** Successful POST, PUT, PATCH and DELETE requests. */
    writes: integer("writes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.hour] })],
);
export type ScimRequestHour = typeof scimRequestHours.$inferSelect;

export const alertTopics = ["connection", "mass_change"] as const;
export type AlertTopic = (typeof alertTopics)[number];

/**
 * One change of an integration's alert state: `state` is the bad state it entered (failing,
 * stale, token_expiring, expired; tripped or paused for mass changes), or null when it cleared.
 * The latest row per integration and topic is the alert in force.
 */
export const integrationAlerts = pgTable(
  "integration_alerts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    topic: text("topic").$type<AlertTopic>().notNull(),
    state: text("state"),
    detail: text("detail").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the notification email went out; null when none was sent. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [index("integration_alerts_integration_idx").on(t.integrationId, t.topic, t.id), index("integration_alerts_tenant_idx").on(t.tenantId, t.id)],
);
export type IntegrationAlert = typeof integrationAlerts.$inferSelect;
