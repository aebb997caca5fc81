import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";

/**
 * This instance's connections to PostgreSQL as the server sees them, by state (active,
 * idle, idle in transaction): each instance names its connections (db/client.ts
 * applicationName), and the query counts those named like the connection it runs on.
 */
export async function countDatabaseConnections(db: Db): Promise<{ state: string; count: number }[]> {
  const result = await db.execute(sql`
    select coalesce(state, 'unknown') as state, count(*)::int as count
    from pg_stat_activity
    where datname = current_database() and application_name = current_setting('application_name')
    group by 1`);
  return rowsOf<{ state: string; count: number }>(result);
}
