import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { changeEvents, integrationAlerts, webhookEndpoints } from "@/db/schema";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createTenant } from "@/lib/tenants/create-tenant";
import { cliActor } from "@/lib/audit/record-audit";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { observeScimRequest } from "./observe-scim-request";
import { scrapeMetrics } from "./scrape-metrics";

/** /api/metrics: only with the token, and then the counters, the pool and the alerts. */

const token = "a-metrics-token-of-some-length";
let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const scrape = (authorization: string | null, options: { token?: string } = { token }) =>
  scrapeMetrics(authorization, { ...options, openDatabase: async () => database });

describe("scrapeMetrics", () => {
  it("answers 404 when no token is configured, whatever is sent", async () => {
    expect(await scrape(`Bearer ${token}`, { token: undefined })).toEqual({ status: 404 });
  });

  it.each([[null], ["Bearer"], ["Bearer wrong"], [`Bearer ${token}x`], [`Basic ${token}`], [token]])("answers 401 to %j", async (authorization) => {
    expect(await scrape(authorization)).toEqual({ status: 401 });
  });

  it("exposes the SCIM counters, the latency histogram, readiness, the pool and the alerts with the token", async () => {
    const tenant = await createTenant(database.db, { slug: `m-${uniqueSuffix()}`, name: "Metrics" });
    const { integration } = await createIntegration(database.db, tenant.id, { provider: "entra" }, cliActor);
    await database.db.insert(integrationAlerts).values([
      { tenantId: tenant.id, integrationId: integration.id, topic: "connection", state: "failing", detail: "x" },
      { tenantId: tenant.id, integrationId: integration.id, topic: "connection", state: null, detail: "cleared" },
      { tenantId: tenant.id, integrationId: integration.id, topic: "mass_change", state: "tripped", detail: "y" },
    ]);
    observeScimRequest({ requestId: "r1", method: "PATCH", segments: ["k", "Users", "u1"], status: 204, latencyMs: 12, tenantId: tenant.id, integrationId: integration.id });

    const answer = await scrape(`Bearer ${token}`);
    expect(answer.status).toBe(200);
    if (answer.status !== 200) return;
    expect(answer.contentType).toContain("text/plain");
    const body = answer.body;
    expect(body).toContain(`scim_requests_total{integration="${integration.id}",method="PATCH",status_class="2xx"} 1`);
    expect(body).toContain(`scim_request_duration_seconds_bucket{le="0.025",method="PATCH",status_class="2xx"} 1`);
    expect(body).toContain("scim_console_ready 1");
    expect(body).toMatch(/^http_requests_in_flight 0$/m);
    expect(body).toContain('scim_console_alerts_in_force{topic="mass_change",state="tripped"} 1');
    expect(body).not.toContain('scim_console_alerts_in_force{topic="connection"');
    expect(body).toContain('scim_console_alerts_raised{state="failing"} 1');
    expect(body).toContain("process_cpu_seconds_total");
    if (database.kind === "postgres") {
      expect(body).toContain("db_pool_connections_max 2");
      // The scrape's own query is one of this instance's active connections.
      expect(body).toMatch(/^db_pool_connections\{state="active"\} [1-9]\d*$/m);
    }
  });

  it("exposes the webhook endpoints by state, the events they have yet to be sent and their failed attempts", async () => {
    const tenant = await createTenant(database.db, { slug: `w-${uniqueSuffix()}`, name: "Hooks" });
    const created = await Promise.all(
      ["a", "b", "c"].map((name) => createWebhookEndpoint(database.db, tenant.id, { url: `https://hooks.example.com/${name}` }, cliActor)),
    );
    const [, failing, disabled] = created.map((c) => c.endpoint.id);
    await database.db.update(webhookEndpoints).set({ failingSince: new Date(), failedAttempts: 3 }).where(eq(webhookEndpoints.id, failing));
    await database.db.update(webhookEndpoints).set({ enabled: false, disabledAt: new Date() }).where(eq(webhookEndpoints.id, disabled));
    const event = { tenantId: tenant.id, type: "person.created", actorType: "system" as const, actorLabel: "test", data: {} };
    await database.db.insert(changeEvents).values([event, event]);

    const answer = await scrape(`Bearer ${token}`);
    if (answer.status !== 200) throw new Error(`scrape answered ${answer.status}`);
    expect(answer.body).toContain('webhook_endpoints{state="delivering"} 1');
    expect(answer.body).toContain('webhook_endpoints{state="failing"} 1');
    expect(answer.body).toContain('webhook_endpoints{state="disabled"} 1');
    // Two events for each of the two enabled endpoints; the disabled one is not waited on.
    expect(answer.body).toMatch(/^webhook_delivery_backlog 4$/m);
    expect(answer.body).toMatch(/^webhook_failed_attempts 3$/m);
  });
});
