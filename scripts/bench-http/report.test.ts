import { describe, expect, it } from "vitest";
import { databaseTable, mergedLatest, non2xx, unexpectedAnswers, type BenchRun, type DatabaseRun, type SyncRow } from "./report";

const measurement = (scenario: string, reqPerSec: number, extra: { connections?: number; max?: number; statuses?: Record<string, number>; unexpected?: number } = {}) => ({
  scenario,
  label: scenario,
  connections: extra.connections ?? 16,
  requests: 10,
  seconds: 10,
  reqPerSec,
  p50: 4,
  p99: 9,
  max: extra.max ?? 12,
  statuses: extra.statuses ?? { 200: 10 },
  unexpected: extra.unexpected ?? 0,
});

const pglite: DatabaseRun = {
  database: "PGlite",
  status: "ok",
  ceiling: { ...measurement("ceiling", 1000), cpuMsPerRequest: { app: 0.8 } },
  scenarios: [
    { ...measurement("get-by-id", 300), ratio: 0.3, ceiling: 1000, cpuMsPerRequest: { app: 2.5, db: 0.754 } },
    { ...measurement("pglite-64", 100, { connections: 64, max: 2500, statuses: { 204: 5, 503: 2, errors: 1 }, unexpected: 3 }), ratio: 0.1, ceiling: 1000 },
  ],
  extraCeilings: [measurement("ceiling", 800)],
  peakRssBytes: 600 * 1048576,
  seedSeconds: { 2000: 1.5 },
};

describe("the printed table", () => {
  it("lists the ceiling first, then each scenario with its ratio, non-2xx count and CPU per request", () => {
    const lines = databaseTable(pglite).split("\n");
    expect(lines[0]).toBe("PGlite");
    expect(lines[1]).toMatch(/^scenario\s+conns\s+req\/s\s+p50 ms\s+p99 ms\s+max ms\s+ratio\s+non-2xx\s+cpu ms\/req app\s+cpu ms\/req db$/);
    expect(lines[3]).toMatch(/^ceiling\s+16\s+1000\s+4\s+9\s+12\s+1\.00\s+0\s+0\.80\s+-$/);
    expect(lines[4]).toMatch(/^get-by-id\s+16\s+300 .*0\.30\s+0\s+2\.50\s+0\.75$/);
    expect(lines[5]).toMatch(/^pglite-64\s+64\s+100 .*2500\s+0\.10\s+3\s+-\s+-$/);
    // Measured again before the larger sizes' lookups: listed after the rows.
    expect(lines[6]).toMatch(/^ceiling\s+16\s+800 .*1\.00\s+0\s+-\s+-$/);
  });

  it("says when the 64-connection run stalled over 2 s and the server went over 512 MiB", () => {
    const text = databaseTable(pglite);
    expect(text).toContain("pglite-64: slowest request 2500 ms (OVER the 2000 ms target)");
    expect(text).toContain("server peak RSS: 600 MiB (OVER the 512 MiB target)");
  });

  it("says the initial sync's wall time, its requests, their rate against the ceiling and what each cost the app and the database", () => {
    const sync: SyncRow = {
      users: 1000, groups: 10, memberships: 1000, concurrency: 16, memberBatch: 100, requests: 2030,
      wallSeconds: 3.25, usersSeconds: 3, groupsSeconds: 0.25, p50: 5, p99: 20, max: 40,
      statuses: { 200: 1010, 201: 1010, 204: 10 }, unexpected: 0, failures: [],
      cpuMsPerRequest: { app: 1.234, db: 0.987 },
      ratio: 2030 / 3.25 / 800, ceiling: 800,
    };
    const line = databaseTable({ ...pglite, sync }).split("\n").find((l) => l.startsWith("initial sync"));
    expect(line).toBe(
      "initial sync: 1,000 users, 10 groups, 1,000 memberships at 16 in flight: 3.3 s wall (users 3.0 s, groups 0.3 s), 2,030 requests, 625 req/s (0.78 of the ceiling's 800), p99 20 ms, cpu ms/req app 1.23 db 0.99, unexpected 0",
    );
    const unmeasured = databaseTable({ ...pglite, sync: { ...sync, cpuMsPerRequest: undefined } }).split("\n").find((l) => l.startsWith("initial sync"));
    expect(unmeasured).toMatch(/p99 20 ms, unexpected 0$/);
  });
});

describe("unexpected answers", () => {
  it("counts every answer outside 2xx and every request that got none", () => {
    expect(non2xx({ 200: 3, 201: 1, 404: 2, 500: 1, errors: 4 })).toBe(7);
  });

  it("names each scenario that had one, so the run fails loudly", () => {
    const run: BenchRun = { startedAt: "t", mode: "smoke", options: {}, machine: { cpus: 2, loadAverage: [] }, databases: [pglite] };
    expect(unexpectedAnswers(run)).toEqual(['PGlite pglite-64: 3 unexpected answers ({"204":5,"503":2,"errors":1})']);
  });
});

describe("the saved baseline", () => {
  const run = (startedAt: string, databases: DatabaseRun[]): BenchRun => ({ startedAt, mode: "full", options: {}, machine: { cpus: 2, loadAverage: [] }, databases });
  const db = (database: string, status: DatabaseRun["status"], scenarios: [string, number][]): DatabaseRun => ({
    database,
    status,
    scenarios: scenarios.map(([name, ratio]) => ({ ...measurement(name, 100), ratio, ceiling: 100 / ratio })),
    seedSeconds: {},
  });

  it("replaces only the scenarios a finished database ran, and keeps a failed or absent database's", () => {
    const before = run("t1", [db("PostgreSQL", "ok", [["get-by-id", 0.6], ["post-user", 0.4]]), db("PGlite", "ok", [["get-by-id", 0.3]])]);
    const after = run("t2", [db("PostgreSQL", "ok", [["get-by-id", 0.5]]), db("PGlite", "failed", [["get-by-id", 0.01]])]);
    const merged = mergedLatest(before, after);
    expect(merged.startedAt).toBe("t2");
    const ratios = Object.fromEntries(merged.databases.map((d) => [d.database, d.scenarios.map((s) => [s.scenario, s.ratio])]));
    expect(ratios).toEqual({ PostgreSQL: [["get-by-id", 0.5], ["post-user", 0.4]], PGlite: [["get-by-id", 0.3]] });
    expect(mergedLatest(undefined, after).databases.map((d) => d.database)).toEqual(["PostgreSQL"]);
  });
});
