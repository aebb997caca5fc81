import { createHash, timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics } from "prom-client";
import { getDatabase, postgresPoolSize, type Database } from "@/db/client";
import { countAlerts } from "@/lib/connection-health/count-alerts";
import { env } from "@/lib/env";
import { countWebhookBacklog } from "@/lib/webhooks/count-webhook-backlog";
import { isDraining } from "./draining";
import { requestsInFlight } from "./http-servers";
import { countDatabaseConnections } from "./internal/database-connections";
import { metrics, scrapedGauge } from "./metrics";

export type ScrapeAnswer = { status: 200; contentType: string; body: string } | { status: 401 | 404 };

/**
 * Compares digests, so the comparison takes the same time whatever the token sent and
 * however long it is (timingSafeEqual wants equal lengths).
 */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * A Prometheus scrape: 404 when METRICS_TOKEN is unset (nothing is exposed by default),
 * 401 without `Authorization: Bearer <METRICS_TOKEN>`, else this instance's metrics.
 */
export async function scrapeMetrics(
  authorization: string | null,
  options: { token?: string; openDatabase?: () => Promise<Database> } = {},
): Promise<ScrapeAnswer> {
  const expected = "token" in options ? options.token : env().METRICS_TOKEN;
  if (!expected) return { status: 404 };
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  if (!sameToken(given, expected)) return { status: 401 };
  registerScrapedGauges(options.openDatabase ?? getDatabase);
  const { registry } = metrics();
  return { status: 200, contentType: registry.contentType, body: await registry.metrics() };
}

/** The gauges read at each scrape, on the database `open` gives (the process's, but in tests). */
function registerScrapedGauges(open: () => Promise<Database>): void {
  const { registry } = metrics();
  if (registry.getSingleMetric("scim_console_ready")) return;
  collectDefaultMetrics({ register: registry });
  scrapedGauge("scim_console_ready", "1 while this instance takes requests, 0 once it drains for shutdown", [], (gauge) => {
    gauge.set(isDraining() ? 0 : 1);
  });
  scrapedGauge("http_requests_in_flight", "HTTP requests this instance is answering now", [], (gauge) => {
    gauge.set(requestsInFlight());
  });
  scrapedGauge("db_pool_connections_max", "Connections this instance may open to PostgreSQL", [], async (gauge) => {
    if ((await open()).kind === "postgres") gauge.set(postgresPoolSize());
  });
  scrapedGauge("db_pool_connections", "This instance's open PostgreSQL connections by state, as pg_stat_activity shows them", ["state"], async (gauge) => {
    const database = await open();
    if (database.kind !== "postgres") return;
    gauge.reset();
    for (const { state, count } of await countDatabaseConnections(database.db)) gauge.set({ state }, count);
  });
  scrapedGauge("scim_console_alerts_in_force", "Integrations' alerts in force, by topic and state (the same on every instance)", ["topic", "state"], async (gauge) => {
    gauge.reset();
    for (const { topic, state, count } of (await countAlerts((await open()).db)).inForce) gauge.set({ topic, state }, count);
  });
  scrapedGauge("webhook_endpoints", "Webhook endpoints by state: delivering, failing, disabled (the same on every instance)", ["state"], async (gauge) => {
    gauge.reset();
    for (const { state, count } of (await countWebhookBacklog((await open()).db)).endpoints) gauge.set({ state }, count);
  });
  scrapedGauge("webhook_delivery_backlog", "Change events enabled webhook endpoints have yet to be sent, summed (the same on every instance)", [], async (gauge) => {
    gauge.set((await countWebhookBacklog((await open()).db)).backlog);
  });
  scrapedGauge("webhook_failed_attempts", "Failed attempts at the events enabled webhook endpoints are held on (the same on every instance)", [], async (gauge) => {
    gauge.set((await countWebhookBacklog((await open()).db)).failedAttempts);
  });
  scrapedGauge("scim_console_alerts_raised", "Changes into a bad alert state recorded so far, by state (the same on every instance)", ["state"], async (gauge) => {
    gauge.reset();
    for (const { state, count } of (await countAlerts((await open()).db)).raised) gauge.set({ state }, count);
  });
}
