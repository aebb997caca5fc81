import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * This instance's Prometheus metrics. One registry per process, on globalThis: the SCIM
 * server (loaded by instrumentation) counts, the /api/metrics route handler (another Next
 * bundle) reads, and both must see the same counters.
 */
export type Metrics = {
  registry: Registry;
  scimRequests: Counter<"integration" | "method" | "status_class">;
  scimLatency: Histogram<"method" | "status_class">;
};

const state = globalThis as unknown as { scimConsoleMetrics?: Metrics };

export function metrics(): Metrics {
  return (state.scimConsoleMetrics ??= createMetrics());
}

function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    scimRequests: new Counter({
      name: "scim_requests_total",
      help: "SCIM requests answered, by integration id (none when the credentials were not accepted), method and status class",
      labelNames: ["integration", "method", "status_class"],
      registers: [registry],
    }),
    scimLatency: new Histogram({
      name: "scim_request_duration_seconds",
      help: "Time to answer a SCIM request, as the request log records it (before its log row is written)",
      labelNames: ["method", "status_class"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

/** A gauge read when scraped; `collect` sets its values (none when it fails). Registered once per name. */
export function scrapedGauge<L extends string>(name: string, help: string, labelNames: L[], collect: (gauge: Gauge<L>) => Promise<void> | void): void {
  const { registry } = metrics();
  if (registry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      // A database that does not answer leaves this gauge out, not the whole scrape.
      await Promise.resolve(collect(this)).catch(() => this.reset());
    },
  });
}
