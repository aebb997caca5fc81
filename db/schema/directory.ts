import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { integrations } from "./integrations";
import { tenants } from "./tenants";

export type ScimResource = Record<string, unknown>;

/** The console's display name of a person (lib/people/person-status.ts personNameSql), immutable for generated columns. */
const displayedName = sql`coalesce(nullif("display_name", ''), nullif(trim(coalesce("given_name", '') || ' ' || coalesce("family_name", '')), ''), "user_name")`;
const enterprise = (attribute: string) => sql.raw(`("resource" #>> '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,${attribute}}')`);

/**
 * A provisioned user. Hot attributes are columns (filterable, indexed); the full SCIM
 * resource, as last written, is `resource`. deletedAt set: hidden from SCIM, retained in
 * the console. purgedAt set: personal data removed, only the row's id and tenant remain.
 */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id").references(() => integrations.id, { onDelete: "set null" }),
    userName: text("user_name").notNull(),
    externalId: text("external_id"),
    active: boolean("active").notNull().default(true),
    givenName: text("given_name"),
    familyName: text("family_name"),
    displayName: text("display_name"),
    primaryEmail: text("primary_email"),
    region: text("region"),
    resource: jsonb("resource").$type<ScimResource>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    purgedAt: timestamp("purged_at", { withTimezone: true }),
    /** When the person last became inactive (null while active): where a retention grace period starts. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    // Computed by the database on every write, so no write path has to keep them right.
    /** Sort keys in natural order ("User 2" before "User 10"): see migration natural_sort_key. */
    nameSortKey: text("name_sort_key").generatedAlwaysAs(sql`natural_sort_key(lower(${displayedName}))`),
    userNameSortKey: text("user_name_sort_key").generatedAlwaysAs(sql`natural_sort_key(lower("user_name"))`),
    emailSortKey: text("email_sort_key").generatedAlwaysAs(sql`natural_sort_key(lower("primary_email"))`),
    department: text("department").generatedAlwaysAs(enterprise("department")),
    /**
     * What the People search looks in, lowercased, one line per field so a match never spans
     * two: userName, name, every email, externalId, employee number, department.
     */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(concat_lines("user_name", ${displayedName}, jsonb_path_query_array("resource", '$.emails[*].value')::text, "external_id", ${enterprise("employeeNumber")}, ${enterprise("department")}))`,
    ),
  },
  (t) => [
    uniqueIndex("people_tenant_user_name_key")
      .on(t.tenantId, sql`lower(${t.userName})`)
      .where(sql`${t.deletedAt} is null`),
    // A SCIM page's order, with the columns its filter reads (tenant, liveness) after it: the
    // page and its count read this index alone, however far the OFFSET (filterResources).
    index("people_integration_idx").on(t.integrationId, t.createdAt, t.id, t.tenantId, t.deletedAt),
    index("people_tenant_external_id_idx").on(t.tenantId, t.externalId),
    index("people_tenant_email_idx").on(t.tenantId, sql`lower(${t.primaryEmail})`),
    // What retention policies look for: few rows, so partial indexes stay small.
    index("people_retention_deleted_idx").on(t.integrationId, t.deletedAt).where(sql`${t.deletedAt} is not null and ${t.purgedAt} is null`),
    index("people_retention_deactivated_idx").on(t.integrationId, t.deactivatedAt).where(sql`${t.deactivatedAt} is not null and ${t.purgedAt} is null`),
    // Platform staff's "which tenant is this user in": a prefix LIKE across every tenant. In
    // the C collation a btree serves both the LIKE range and its order, so a short prefix
    // stops after the first rows instead of sorting every match.
    index("people_email_prefix_idx").on(sql`(lower(${t.primaryEmail}) collate "C")`),
    index("people_user_name_prefix_idx").on(sql`(lower(${t.userName}) collate "C")`),
    // The People table's sortable columns: a page in any order reads only its rows.
    index("people_tenant_name_sort_idx").on(t.tenantId, sql`(${t.nameSortKey} collate "C")`, t.id),
    index("people_tenant_user_name_sort_idx").on(t.tenantId, sql`(${t.userNameSortKey} collate "C")`, t.id),
    index("people_tenant_email_sort_idx").on(t.tenantId, sql`(${t.emailSortKey} collate "C")`, t.id),
    index("people_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.id),
    // The People search, LIKE '%term%' on search_text: trigrams find the few rows a rare term
    // matches without reading every row (pg_trgm, created by migration 0019).
    index("people_search_text_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("people_tenant_department_idx").on(t.tenantId, t.department),
    index("people_tenant_region_idx").on(t.tenantId, t.region),
    // /api/v1/people pages in id order (lib/people/list-api-people.ts): a page reads only its rows.
    index("people_tenant_id_idx").on(t.tenantId, t.id),
    // The status filters of the API and the console: inactive and deleted people are few, so a
    // partial index of each finds them without reading every active person.
    index("people_tenant_inactive_idx").on(t.tenantId, t.id).where(sql`not ${t.active} and ${t.deletedAt} is null and ${t.purgedAt} is null`),
    index("people_tenant_deleted_idx").on(t.tenantId, t.id).where(sql`${t.deletedAt} is not null and ${t.purgedAt} is null`),
  ],
);
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;

/** A provisioned group, shown in the console as a Role of the target app. */
export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id").references(() => integrations.id, { onDelete: "set null" }),
    displayName: text("display_name").notNull(),
    externalId: text("external_id"),
    resource: jsonb("resource").$type<ScimResource>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("groups_tenant_display_name_key")
      .on(t.tenantId, sql`lower(${t.displayName})`)
      .where(sql`${t.deletedAt} is null`),
    // As people_integration_idx: a SCIM page and its count from the index alone.
    index("groups_integration_idx").on(t.integrationId, t.createdAt, t.id, t.tenantId, t.deletedAt),
    // /api/v1/roles pages in id order (lib/groups/list-api-roles.ts).
    index("groups_tenant_id_idx").on(t.tenantId, t.id),
  ],
);
export type Group = typeof groups.$inferSelect;
export type NewGroup = typeof groups.$inferInsert;

/** Membership is a table: adding one member to a huge group touches one row. */
export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index("group_members_person_idx").on(t.personId)],
);
export type GroupMember = typeof groupMembers.$inferSelect;

/**
 * The membership changes of each group, counted in a few slots: a group's version is its
 * row's plus these counts, and its lastModified the later of its row's and theirs
 * (lib/groups/group-version.ts). A member-only PATCH adds one to its connection's slot
 * instead of updating the group's row, so PATCHes to one group from several connections do
 * not wait for each other's commit; two that share a slot wait only for each other.
 */
export const groupMembershipChanges = pgTable(
  "group_membership_changes",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    slot: smallint("slot").notNull(),
    changes: integer("changes").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.slot] })],
);
