/**
 * The Overview at a year of traffic: one integration that made 100 requests a minute for 365
 * days (525,600 rolled-up hours' worth: 8,760 rows of scim_request_hours) and whose last hour
 * is in the raw log (6,000 rows, 5% failing). Times readOverview, everything the page reads.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { readOverview } from "@/lib/overview/read-overview";

type Timer = (runs: number, fn: (i: number) => Promise<unknown>) => Promise<{ median: number; p95: number; runs: number }>;
type Reporter = (name: string, value: { median: number; p95: number; runs: number }) => void;

export async function benchOverview(db: Db, who: { tenantId: string; integrationId: string }, time: Timer, report: Reporter, runs: number): Promise<void> {
  const started = performance.now();
  await db.execute(sql`
    insert into scim_request_hours (integration_id, tenant_id, hour, requests, failures, writes)
    select ${who.integrationId}::uuid, ${who.tenantId}::uuid, date_trunc('hour', now()) - make_interval(hours => n), 6000, 300, 1200
    from generate_series(0, 8759) as n`);
  await db.execute(sql`
    insert into scim_requests (tenant_id, integration_id, request_id, method, path, query, status, latency_ms, scim_type, detail, created_at)
    select ${who.tenantId}::uuid, ${who.integrationId}::uuid, 'bench-' || n, case when n % 5 = 0 then 'PATCH' else 'GET' end, '/Users', '',
           case when n % 20 = 0 then 409 when n % 20 = 1 then 401 else 200 end, 12,
           case when n % 20 = 0 then 'uniqueness' end, case when n % 20 = 1 then 'The token is not valid or has been revoked' end,
           now() - make_interval(secs => n * 0.6)
    from generate_series(1, 6000) as n`);
  await db.execute(sql`analyze scim_requests`);
  await db.execute(sql`analyze scim_request_hours`);
  console.log(`(setup: a year of hourly counts and the last hour's 6,000 requests in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  for (const range of ["24h", "7d", "30d"] as const) {
    report(`Overview data, a year at 100 req/min (${range} chart)`, await time(runs, () => readOverview(db, who.tenantId, range, new Date())));
  }
}
