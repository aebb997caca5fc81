import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { integrations } from "./integrations";
import { tenants } from "./tenants";

export type FieldChange = { path: string; before?: unknown; after?: unknown };

/** One History entry of a person or group: what changed, who did it, in which request. */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    subjectType: text("subject_type").$type<"person" | "group">().notNull(),
    subjectId: uuid("subject_id").notNull(),
    action: text("action").notNull(),
    changes: jsonb("changes").$type<FieldChange[]>().notNull().default([]),
    actorType: text("actor_type").$type<"integration" | "console_user" | "system">().notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    requestId: text("request_id"),
    /** Why a console user acted (deactivation, permanent delete), as they typed it. */
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_subject_idx").on(t.tenantId, t.subjectType, t.subjectId, t.id),
    index("events_tenant_idx").on(t.tenantId, t.id),
    // The Overview's "changes today": without it, every load reads the tenant's whole History.
    index("events_tenant_time_idx").on(t.tenantId, t.createdAt),
    // The mass-change guard counts an integration's recent removals on every DELETE.
    index("events_removals_idx")
      .on(t.actorId, t.createdAt)
      .where(sql`${t.action} in ('deactivated', 'deleted', 'deleted_hard')`),
    // Activity: what a request created or changed, and the requests that changed a person.
    index("events_request_idx").on(t.tenantId, t.requestId).where(sql`${t.requestId} is not null`),
  ],
);
export type HistoryEvent = typeof events.$inferSelect;
export type NewHistoryEvent = typeof events.$inferInsert;

/** Every SCIM request an identity provider made, per integration, for the activity log. */
export const scimRequests = pgTable(
  "scim_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id").references(() => integrations.id, { onDelete: "cascade" }),
    requestId: text("request_id").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    query: text("query").notNull().default(""),
    status: integer("status").notNull(),
    latencyMs: integer("latency_ms").notNull(),
    scimType: text("scim_type"),
    detail: text("detail"),
    userAgent: text("user_agent"),
    /** Redacted JSON; when `bodyTruncated`, a string: the first bytes of the redacted JSON text. */
    requestBody: jsonb("request_body"),
    bodyTruncated: boolean("body_truncated").notNull().default(false),
    /**
     * False for a request refused before its credentials were accepted: the row is only a
     * summary (no query, no body) and may stand for several requests (see its detail).
     */
    authenticated: boolean("authenticated").notNull().default(true),
    /** The client's address, when a trusted proxy reported it (TRUST_PROXY). */
    sourceAddress: text("source_address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("scim_requests_integration_idx").on(t.integrationId, t.id),
    index("scim_requests_created_idx").on(t.createdAt),
    // The last hour of an integration's log: its health and its top failure reasons.
    index("scim_requests_integration_time_idx").on(t.integrationId, t.createdAt),
    index("scim_requests_unauthenticated_idx").on(t.integrationId, t.id).where(sql`not ${t.authenticated}`),
    // Activity's list, its "Failures only" filter, a request by id, and the requests about a person.
    index("scim_requests_tenant_idx").on(t.tenantId, t.id),
    index("scim_requests_tenant_failures_idx").on(t.tenantId, t.id).where(sql`${t.status} >= 400`),
    index("scim_requests_request_id_idx").on(t.tenantId, t.requestId),
    index("scim_requests_user_path_idx").on(t.tenantId, sql`right(${t.path}, 36)`).where(sql`${t.path} ~ '/Users/[^/]+$'`),
  ],
);
export type ScimRequestLogEntry = typeof scimRequests.$inferSelect;
