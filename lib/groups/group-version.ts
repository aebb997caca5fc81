import { getTableColumns, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { groupMembershipChanges, groups } from "@/db/schema";

/**
 * How many slots a group's membership changes are counted in (groupMembershipChanges): a
 * connection counts in slot pg_backend_pid() modulo this, so a pool of up to this many
 * connections rarely shares one.
 */
export const MEMBERSHIP_SLOTS = 16;

const counts = sql`${groupMembershipChanges} counted`;

/**
 * A group's version (meta.version and its ETag): its row's version, which every write that
 * locks the group bumps, plus the membership changes a member-only PATCH counts beside the
 * row instead (lib/groups/internal/write-member-operation.ts). Every change adds one to
 * either, so the version goes up by one per change, as the row's alone did.
 */
function versionOf(version: SQLWrapper, id: SQLWrapper): SQL<number> {
  return sql<number>`(${version} + (select coalesce(sum(counted.changes), 0) from ${counts} where counted.group_id = ${id}))::int`;
}

/** A group's meta.lastModified: the later of its row's last write and its last counted membership change. */
function lastModifiedOf(updatedAt: SQLWrapper, id: SQLWrapper): SQL<Date> {
  return sql<Date>`greatest(${updatedAt}, (select max(counted.changed_at) from ${counts} where counted.group_id = ${id}))`;
}

export const groupVersion = versionOf(groups.version, groups.id).mapWith(groups.version);
export const groupLastModified = lastModifiedOf(groups.updatedAt, groups.id).mapWith(groups.updatedAt);

/** groupLastModified of the groups row aliased `alias`, where SQL is written by hand. */
export function groupLastModifiedOf(alias: string): SQL<Date> {
  return lastModifiedOf(sql.raw(`${alias}.updated_at`), sql.raw(`${alias}.id`));
}

/** A group's row as every reader sees it: version and updatedAt are groupVersion and groupLastModified. */
export const groupRow = { ...getTableColumns(groups), version: groupVersion.as("version"), updatedAt: groupLastModified.as("updated_at") };
