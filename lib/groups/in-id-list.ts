import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `column in (ids)` with the whole list bound as ONE parameter (a JSON array): a PATCH naming
 * 10,000 members stays one short statement, far below PostgreSQL's 65,535 bind parameters.
 * Every id must already be a well-formed uuid (see isUuid), or the cast fails.
 */
export function inIdList(column: AnyPgColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
}
