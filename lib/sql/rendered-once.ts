import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

const dialect = new PgDialect();

/**
 * A statement part without parameters (only SQL text and names), rendered to its text now:
 * a statement that includes it then copies one string, where drizzle would walk and check
 * every piece of the part again on each request. Keep the result and reuse it.
 */
export function renderedOnce(part: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(part);
  if (params.length > 0) throw new Error(`renderedOnce takes SQL without parameters; this has ${params.length}`);
  return sql.raw(text);
}
