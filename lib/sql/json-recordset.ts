import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * Rows for some of a table's columns, given to a statement as ONE jsonb parameter and read
 * back with jsonb_to_recordset: a batch of any size is one short statement, prepared once,
 * with no bind parameter per value. `columns` are the table's columns by their drizzle key,
 * so the names and types come from the schema. A row that leaves a key out gets the column's
 * default when that is a value (not SQL), else null; keys that name no column go as they are.
 */
export function jsonRecordset<K extends string>(columns: Record<K, PgColumn>) {
  const entries = Object.entries(columns) as [K, PgColumn][];
  return {
    /** `name type, …`: the column definition list jsonb_to_recordset needs. */
    definitions: sql.raw(entries.map(([, column]) => `${column.name} ${column.getSQLType()}`).join(", ")),
    /** `name, …`: the INSERT's column list. */
    names: sql.raw(entries.map(([, column]) => column.name).join(", ")),
    /** `alias.name, …`, in the same order, with `replaced` columns as given. */
    select(alias: string, replaced: Partial<Record<K, SQL>> = {}): SQL {
      return sql.join(
        entries.map(([key, column]) => replaced[key] ?? sql.raw(`${alias}.${column.name}`)),
        sql`, `,
      );
    },
    /** The parameter's value: the rows as JSON, keyed by column name. */
    value(rows: (Partial<Record<K, unknown>> & Record<string, unknown>)[]): string {
      return JSON.stringify(
        rows.map((row) => {
          const out: Record<string, unknown> = {};
          for (const [key, column] of entries) out[column.name] = row[key] ?? (typeof column.default === "object" ? null : (column.default ?? null));
          for (const key of Object.keys(row)) if (!(key in columns)) out[key] = row[key];
          return out;
        }),
      );
    },
  };
}
