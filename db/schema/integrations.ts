import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { consoleUsers, tenants } from "./tenants";

export const providers = ["entra", "okta", "generic"] as const;
export type Provider = (typeof providers)[number];
export const provider = pgEnum("provider", providers);

export const integrationStatuses = ["active", "disabled"] as const;
export const integrationStatus = pgEnum("integration_status", integrationStatuses);

/** Behaviour settings of one integration, applied on every SCIM write (see DESIGN.md). */
export type IntegrationSettings = {
  /** Proxyclick takes no groups: off makes the Groups endpoints answer 501. */
  groupsEnabled: boolean;
  /** Proxy: userName and emails are stored lowercased. */
  lowercaseIdentifiers: boolean;
  /** Proxyclick: an update of userName or the primary email sets both. */
  coupleUserNameAndEmail: boolean;
  /** TrackTik: new people land in this region ("HQ"). */
  defaultRegion: string;
  /** soft keeps a deleted person as retained data in the console; hard removes the row. */
  deleteMode: "soft" | "hard";
  /**
   * A POST for a userName or primary email that a person managed by another integration of
   * the tenant already has: "refuse" answers 409 naming that integration; "takeOver" links
   * the person to this integration (a tenant moving from Okta to Entra, or running both).
   */
  matchExisting: "refuse" | "takeOver";
};

/** One installed marketplace app of a tenant: owns a SCIM namespace, its tokens and log. */
export const integrations = pgTable(
  "integrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    provider: provider("provider").notNull(),
    name: text("name").notNull(),
    appKey: text("app_key").notNull().unique(),
    status: integrationStatus("status").notNull().default("active"),
    settings: jsonb("settings").$type<IntegrationSettings>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastRequestAt: timestamp("last_request_at", { withTimezone: true }),
    /** SCIM requests per second this integration may make (bursts of twice that); null: the default. */
    rateLimitPerSecond: integer("rate_limit_per_second"),
    /** Retention policy: purge a person this many days after the identity provider deleted them; null: never. */
    purgeDaysAfterDeletion: integer("purge_days_after_deletion"),
    /** Retention policy: purge a person this many days after they became inactive; null: never. */
    purgeDaysAfterDeactivation: integer("purge_days_after_deactivation"),
    /** Where this integration's alerts are emailed (like Entra's Notification Email); null: nowhere. */
    notificationEmail: text("notification_email"),
    /** Mass-change guard: more deactivations plus deletions than this within an hour raise an alert; null: off. */
    massChangeThreshold: integer("mass_change_threshold"),
    /** Whether tripping the guard pauses this integration's deletions and deactivations until an admin confirms. */
    pauseOnMassChange: boolean("pause_on_mass_change").notNull().default(false),
    /** Set while deletions and deactivations are paused by the guard. */
    removalsPausedAt: timestamp("removals_paused_at", { withTimezone: true }),
    /** When an admin last confirmed a mass change: the guard counts only removals after it. */
    massChangeConfirmedAt: timestamp("mass_change_confirmed_at", { withTimezone: true }),
  },
  (t) => [
    index("integrations_tenant_idx").on(t.tenantId),
    // Two integrations of a tenant never share a name: every list tells them apart by it.
    uniqueIndex("integrations_tenant_name_key").on(t.tenantId, sql`lower(${t.name})`),
    check("integrations_purge_days_after_deletion_range", sql`${t.purgeDaysAfterDeletion} between 1 and 3650`),
    check("integrations_purge_days_after_deactivation_range", sql`${t.purgeDaysAfterDeactivation} between 1 and 3650`),
    check("integrations_mass_change_threshold_range", sql`${t.massChangeThreshold} between 1 and 100000`),
  ],
);
export type Integration = typeof integrations.$inferSelect;
export type NewIntegration = typeof integrations.$inferInsert;

/** A provisioning secret: stored only as a SHA-256 hash plus a short hint, shown once. */
export const tokens = pgTable(
  "tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    description: text("description").notNull().default(""),
    scope: text("scope").notNull().default("SCIM"),
    secretHash: text("secret_hash").notNull().unique(),
    hint: text("hint").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => consoleUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("tokens_integration_idx").on(t.integrationId), index("tokens_hint_idx").on(t.hint)],
);
export type Token = typeof tokens.$inferSelect;
