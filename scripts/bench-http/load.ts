/**
 * One scenario under load: autocannon (programmatic) against the server, a warm-up first,
 * then the measured run. Every answer is counted by status; any status the scenario does not
 * expect, a connection error or a timeout is a failure the run reports and exits non-zero on.
 */
import autocannon from "autocannon";
import type { CpuMeter, CpuSpent } from "./cpu";

export type LoadRequest = { method: "GET" | "POST" | "PATCH"; path: string; body?: unknown };

export type Scenario = {
  name: string;
  /** What the table calls it. */
  label: string;
  /** The next request; called once per request, so each can name another user. */
  next: () => LoadRequest;
  /** Statuses that count as answered as expected. */
  expected: number[];
  /** Sent with every request (the integration's Bearer token). */
  headers: Record<string, string>;
  connections?: number;
};

export type Timing = { connections: number; durationSeconds: number; warmupSeconds: number; amount?: number };

export type Measurement = {
  scenario: string;
  label: string;
  connections: number;
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers by status, warm-up included. */
  statuses: Record<string, number>;
  /** Answers with an unexpected status, connection errors and timeouts, warm-up included. */
  unexpected: number;
  /**
   * CPU milliseconds per request over the measured run: the app server's, and the database
   * server's when its processes are visible (a private cluster, or a server on this machine).
   */
  cpuMsPerRequest?: CpuPerRequest;
};

// A stalled request is measured (the 64-connection run looks for stalls over 2 s), not cut short.
const REQUEST_TIMEOUT_SECONDS = 60;

export async function measure(origin: string, scenario: Scenario, timing: Timing, cpu?: CpuMeter): Promise<Measurement> {
  const connections = scenario.connections ?? timing.connections;
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  const headers = { ...scenario.headers, "content-type": "application/scim+json" };
  const run = async (limits: { duration?: number; amount?: number }) => {
    const result = await autocannon({
      url: origin,
      connections,
      timeout: REQUEST_TIMEOUT_SECONDS,
      ...limits,
      headers,
      requests: [
        {
          setupRequest: (request) => {
            const next = scenario.next();
            // autocannon writes a body's Content-Length into the headers object it hands over and
            // keeps that object for the connection's next request: a GET after a PATCH went out
            // declaring the PATCH's length, and the server rightly waited for a body that never
            // came. Fresh headers per request (load.test.ts).
            return { ...request, headers: { ...headers }, method: next.method, path: next.path, body: next.body === undefined ? undefined : JSON.stringify(next.body) };
          },
        },
      ],
    });
    for (const [status, { count = 0 } = {}] of Object.entries(result.statusCodeStats ?? {})) {
      statuses[status] = (statuses[status] ?? 0) + count;
      if (!scenario.expected.includes(Number(status))) unexpected += count;
    }
    unexpected += result.errors;
    if (result.errors > 0) statuses.errors = (statuses.errors ?? 0) + result.errors;
    return result;
  };
  if (timing.amount === undefined && timing.warmupSeconds > 0) await run({ duration: timing.warmupSeconds });
  // Smoke: a fixed count of requests; its first few warm the route up.
  const endCpu = cpu?.begin();
  const result = await run(timing.amount === undefined ? { duration: timing.durationSeconds } : { amount: timing.amount });
  const spent = endCpu?.();
  const requests = result.requests.total;
  return {
    scenario: scenario.name,
    label: scenario.label,
    connections,
    requests,
    seconds: result.duration,
    reqPerSec: result.duration > 0 ? requests / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    statuses,
    unexpected,
    cpuMsPerRequest: perRequest(spent, requests),
  };
}

/** CPU milliseconds per request of the app and the database, over a window that served `requests`. */
export type CpuPerRequest = { app: number; db?: number };

export function perRequest(spent: CpuSpent | undefined, requests: number): CpuPerRequest | undefined {
  if (!spent || requests <= 0) return undefined;
  return { app: spent.appMs / requests, db: spent.dbMs === undefined ? undefined : spent.dbMs / requests };
}
