import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `column = any(ids)` with the whole list bound as ONE uuid[] parameter: a PATCH naming 10,000
 * members stays one short statement, far below PostgreSQL's 65,535 bind parameters. A bound
 * array is a constant to the planner, so the test uses the primary-key index (or a hash of the
 * array) whatever the table statistics say, instead of re-reading a set-returning function
 * per row. Every id must already be a well-formed uuid (see isUuid), or the cast fails.
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
