/**
 * The Overview at a year of traffic: one integration that made 100 requests a minute for 365
 * days. The request log keeps its raw rows for SCIM_LOG_RETENTION_DAYS (30 by default) and
 * hourly counts beyond, so that is what is seeded: 8,760 hourly rows, 30 days of raw requests
 * (4,320,000 rows, 5% failing), and the 20% of them that were writes as History (864,000
 * events) about 10,000 people. Times readOverview: everything the page reads behind its shell.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { readOverview } from "@/lib/overview/read-overview";

type Timer = (runs: number, fn: (i: number) => Promise<unknown>) => Promise<{ median: number; p95: number; runs: number }>;
type Reporter = (name: string, value: { median: number; p95: number; runs: number }) => void;

const PER_MINUTE = 100;
const RAW_DAYS = 30;
const PEOPLE = 10_000;
const DAY_ROWS = PER_MINUTE * 60 * 24;

export async function benchOverview(db: Db, who: { tenantId: string; integrationId: string }, time: Timer, report: Reporter, runs: number): Promise<void> {
  const started = performance.now();
  await seedYearOfTraffic(db, who);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`(setup: a year of hourly counts, ${RAW_DAYS} days of raw requests and their History in ${seconds} s)\n`);
  for (const range of ["24h", "7d", "30d"] as const) {
    report(`Overview data, a year at 100 req/min (${range} chart)`, await time(runs, () => readOverview(db, who.tenantId, range, new Date())));
  }
}

export async function seedYearOfTraffic(db: Db, { tenantId, integrationId }: { tenantId: string; integrationId: string }): Promise<void> {
  await db.execute(sql`
    insert into scim_request_hours (integration_id, tenant_id, hour, requests, failures, writes)
    select ${integrationId}::uuid, ${tenantId}::uuid, date_trunc('hour', now()) - make_interval(hours => n), ${PER_MINUTE * 60}, ${PER_MINUTE * 3}, ${PER_MINUTE * 12}
    from generate_series(0, 8759) as n`);
  await db.execute(sql`
    insert into people (tenant_id, integration_id, user_name, display_name, active, resource)
    select ${tenantId}::uuid, ${integrationId}::uuid, 'o' || n || '@overview.test', 'Person ' || n, n % 10 <> 0, jsonb_build_object('userName', 'o' || n || '@overview.test')
    from generate_series(1, ${PEOPLE}) as n`);
  // One day per statement: each stays well inside the server's statement timeout.
  for (let day = 0; day < RAW_DAYS; day++) {
    await db.execute(sql`
      insert into scim_requests (tenant_id, integration_id, request_id, method, path, query, status, latency_ms, scim_type, detail, created_at)
      select ${tenantId}::uuid, ${integrationId}::uuid, 'bench-' || ${day}::int || '-' || n, case when n % 5 = 0 then 'PATCH' else 'GET' end, '/Users', '',
             case when n % 20 = 0 then 409 when n % 20 = 1 then 401 else 200 end, 12,
             case when n % 20 = 0 then 'uniqueness' end, case when n % 20 = 1 then 'The token is not valid or has been revoked' end,
             now() - make_interval(days => ${day}::int, secs => n * ${60 / PER_MINUTE}::float8)
      from generate_series(1, ${DAY_ROWS}) as n`);
    await db.execute(sql`
      insert into events (tenant_id, subject_type, subject_id, action, actor_type, actor_id, actor_label, created_at)
      select ${tenantId}::uuid, 'person', p.ids[1 + n % ${PEOPLE}], 'updated', 'integration', ${integrationId}::uuid, 'Microsoft Entra ID',
             now() - make_interval(days => ${day}::int, secs => n * ${(60 / PER_MINUTE) * 5}::float8)
      from generate_series(1, ${DAY_ROWS / 5}) as n,
           (select array_agg(id order by id) as ids from people where tenant_id = ${tenantId}::uuid) as p`);
  }
  for (const table of ["scim_requests", "scim_request_hours", "events", "people"]) await db.execute(sql.raw(`analyze ${table}`));
}
