import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `column = any(ids)` with the whole list bound as ONE uuid[] parameter: a PATCH naming 10,000
 * members stays one short statement, far below PostgreSQL's 65,535 bind parameters. A bound
 * array is a constant to the planner, so the test can use the primary-key index (or a hash of
 * the array) instead of re-reading a set-returning function per row. A read that also scopes
 * the rows by tenant finds them through listedIds instead, or the tenant's index may win.
 * Every id must already be a well-formed uuid (see isUuid), or the cast fails.
 */
export function inIdList(column: AnyPgColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} = any(${idListValue(ids)}::uuid[])`;
}

/** `column <> all(ids)`: hashed by PostgreSQL 15+ for large lists, like NOT IN. */
export function notInIdList(column: AnyPgColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} <> all(${idListValue(ids)}::uuid[])`;
}

/** inIdList with the list in placeholder `name` of a prepared query; its value is idListValue(ids). */
export function inIdListPlaceholder(column: AnyPgColumn | SQL, name: string): SQL {
  return sql`${column} = any(${sql.placeholder(name)}::uuid[])`;
}

/** The array's text form, `{a,b,c}`, as its parameter takes it: uuids need no quoting. */
export function idListValue(ids: readonly string[]): string {
  return `{${ids.join(",")}}`;
}

/**
 * The distinct ids of `ids` (a uuid[] expression) as the relation `listed(id)`, for a read that
 * finds rows by them: joined on the primary key, each id is one probe of its index, whatever
 * the table's statistics say. A read that also scopes the rows writes the scope with checkOnly.
 */
export function listedIds(ids: SQL): SQL {
  return sql`(select distinct unnest(${ids}) as id) as listed`;
}

/**
 * `column = value` as a check on rows found another way (listedIds), never as the way to find
 * them: no index serves `(...) is true`. Scoped by a plain tenant equality, a group's member
 * PATCH read its 100 people by scanning the tenant's whole range in a tenant-leading index and
 * filtering the ids out of it: when a tenant's rows are newer than the table's statistics (its
 * first sync, until autovacuum analyzes them), PostgreSQL estimates them at one row. The PATCH
 * then read 20,000 index entries, and took 61-66 ms instead of 16-22, in half of the
 * 20,000-user syncs measured.
 */
export function checkOnly(column: AnyPgColumn | SQL, value: unknown): SQL {
  return sql`(${column} = ${value}) is true`;
}
