import { sql } from "drizzle-orm";
import { bigint, bigserial, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { consoleUsers, tenants } from "./tenants";

/**
 * The outbox: one row per change a target app may act on (person.created, role.member_added,
 * ...), written in the transaction of the change (lib/events). Not to be confused with
 * `events`, which is History. The feed orders a tenant's rows by (txId, id): ids are taken
 * out of commit order on PostgreSQL, transaction ids tell which rows may still appear below
 * a reader's position (lib/events/list-change-events.ts).
 */
export const changeEvents = pgTable(
  "change_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** The writing transaction's id (xid8; a bigint until 2^63 transactions). */
    txId: bigint("tx_id", { mode: "number" })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    type: text("type").notNull(),
    /** The person the event is about (a role's member for role.member_*): what a purge redacts. */
    personId: uuid("person_id"),
    roleId: uuid("role_id"),
    actorType: text("actor_type").$type<"integration" | "console_user" | "system">().notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    requestId: text("request_id"),
    /** `resource` as it now is, `previous` values of changed fields, `member` of a role change. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("change_events_feed_idx").on(t.tenantId, t.txId, t.id),
    index("change_events_created_idx").on(t.createdAt),
    index("change_events_person_idx").on(t.tenantId, t.personId).where(sql`${t.personId} is not null`),
  ],
);
export type ChangeEventRow = typeof changeEvents.$inferSelect;

/**
 * Per tenant, the feed position (txId, id) of the newest event retention has pruned: a reader
 * whose position is below it has missed that event, and the feed says so (410) instead of
 * resuming past the gap. Written in the transaction of the delete (lib/events/prune-change-events.ts).
 */
export const changeEventPruneMarks = pgTable("change_event_prune_marks", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  txId: bigint("tx_id", { mode: "number" }).notNull(),
  id: bigint("id", { mode: "number" }).notNull(),
  prunedAt: timestamp("pruned_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A tenant's key to /api/v1: stored only as a SHA-256 hash plus a short hint, shown once.
 * Its request allowance is a token bucket kept in the row, so every app instance draws from
 * the same one.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    hint: text("hint").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => consoleUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    bucketTokens: doublePrecision("bucket_tokens"),
    bucketRefilledAt: timestamp("bucket_refilled_at", { withTimezone: true }),
  },
  (t) => [index("api_keys_tenant_idx").on(t.tenantId)],
);
export type ApiKey = typeof apiKeys.$inferSelect;
