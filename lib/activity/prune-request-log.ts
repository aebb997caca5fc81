import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scimRequests } from "@/db/schema";

/** Summaries of refused requests kept per integration (and for those naming none). */
export const MAX_SUMMARIES_KEPT = 10_000;

/**
 * Deletes log entries older than the retention period (SCIM_LOG_RETENTION_DAYS, default 30),
 * and summaries of refused requests beyond the newest MAX_SUMMARIES_KEPT per integration.
 */
export async function pruneRequestLog(db: Db, days: number, keepSummaries = MAX_SUMMARIES_KEPT): Promise<void> {
  await db.delete(scimRequests).where(lt(scimRequests.createdAt, sql`now() - make_interval(days => ${days})`));
  const ranked = db
    .select({ id: scimRequests.id, rank: sql<number>`row_number() over (partition by ${scimRequests.integrationId} order by ${scimRequests.id} desc)`.as("rank") })
    .from(scimRequests)
    .where(eq(scimRequests.authenticated, false))
    .as("ranked");
  await db.delete(scimRequests).where(
    and(eq(scimRequests.authenticated, false), sql`${scimRequests.id} in (select ${ranked.id} from ${ranked} where ${ranked.rank} > ${keepSummaries})`),
  );
}
