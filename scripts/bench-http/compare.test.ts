import { describe, expect, it } from "vitest";
import { chartSvg } from "./chart";
import { compareRuns, comparisonLines } from "./compare";
import type { BenchRun, ScenarioRow, SyncRow } from "./report";

function row(scenario: string, reqPerSec: number, ratio: number, connections = 16): ScenarioRow {
  return { scenario, label: `label of ${scenario} <&>`, connections, requests: 100, seconds: 10, reqPerSec, p50: 5, p99: 9, max: 12, statuses: { 200: 100 }, unexpected: 0, ratio, ceiling: reqPerSec / ratio };
}

function runOf(startedAt: string, rows: ScenarioRow[], ceiling = 1000): BenchRun {
  const measurement = { scenario: "ceiling", label: "empty route", connections: 16, requests: 100, seconds: 10, reqPerSec: ceiling, p50: 1, p99: 2, max: 3, statuses: { 200: 100 }, unexpected: 0 };
  return {
    startedAt,
    mode: "full",
    options: {},
    machine: { cpus: 2, loadAverage: [1, 1, 1] },
    databases: [{ database: "PostgreSQL", status: "ok", ceiling: measurement, scenarios: rows, seedSeconds: {} }],
  };
}

describe("comparing with the previous run", () => {
  it("flags a fall of the ratio to the ceiling over 10%, not a fall of raw req/s", () => {
    const before = runOf("t1", [row("get-by-id", 600, 0.6), row("post-user", 400, 0.4), row("page-100", 100, 0.2)]);
    // A busier machine: every req/s halves, the ratios hold except for the POST's.
    const after = runOf("t2", [row("get-by-id", 300, 0.58), row("post-user", 150, 0.3), row("page-100", 60, 0.24)], 500);
    const changes = compareRuns(before, after);
    expect(changes.map((c) => [c.scenario, c.regression])).toEqual([
      ["get-by-id", false],
      ["post-user", true],
      ["page-100", false],
    ]);
    expect(comparisonLines(before, changes).join("\n")).toMatch(/REGRESSION PostgreSQL label of post-user <&>: 0\.40 -> 0\.30 \(-25%\)/);
  });

  it("compares a scenario only with the same scenario at the same connection count", () => {
    const before = runOf("t1", [row("pglite-64", 100, 0.5, 64)]);
    const after = runOf("t2", [row("pglite-64", 10, 0.05, 16), row("get-by-id", 10, 0.05)]);
    expect(compareRuns(before, after)).toEqual([]);
    expect(comparisonLines(before, [])).toEqual(["No scenario in common with the saved results (last written t1)."]);
  });
});

describe("comparing the initial sync with the previous run", () => {
  const sync = (ratio: number, users = 20_000): SyncRow => ({
    users, groups: users / 100, memberships: users, concurrency: 16, memberBatch: 100, requests: 2 * users + 3 * (users / 100),
    wallSeconds: 40, usersSeconds: 37, groupsSeconds: 3, p50: 10, p99: 60, max: 90, statuses: {}, unexpected: 0, failures: [],
    ratio, ceiling: 1000,
  });
  const withSync = (run: BenchRun, row: SyncRow): BenchRun => ({ ...run, databases: run.databases.map((db) => ({ ...db, sync: row })) });

  it("flags a fall of its ratio to the ceiling over 10%, and only that", () => {
    const before = withSync(runOf("t1", []), sync(1.2));
    const slower = compareRuns(before, withSync(runOf("t2", []), sync(1.02)));
    expect(slower).toEqual([expect.objectContaining({ scenario: "sync", label: "initial sync of 20,000 users", before: 1.2, after: 1.02, regression: true })]);
    expect(comparisonLines(before, slower).join("\n")).toMatch(/REGRESSION PostgreSQL initial sync of 20,000 users: 1\.20 -> 1\.02 \(-15%\)/);
    expect(compareRuns(before, withSync(runOf("t2", []), sync(1.1)))).toEqual([expect.objectContaining({ scenario: "sync", regression: false })]);
  });

  it("compares it only with a sync of the same plan, and not with a run saved before syncs had a ratio", () => {
    const before = withSync(runOf("t1", []), sync(1.2, 100_000));
    expect(compareRuns(before, withSync(runOf("t2", []), sync(0.5)))).toEqual([]);
    const { ratio: _, ...unrated } = sync(1.2);
    void _;
    expect(compareRuns(withSync(runOf("t1", []), unrated as SyncRow), withSync(runOf("t2", []), sync(0.5)))).toEqual([]);
  });
});

describe("the chart", () => {
  it("draws each scenario as its share of the ceiling, ratio and req/s written on the bar", () => {
    const svg = chartSvg(runOf("t1", [row("get-by-id", 600, 0.6), row("page-100", 100, 0.1)]));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("PostgreSQL: ceiling 1000 req/s");
    expect(svg).toContain("0.60 × ceiling (600 req/s)");
    expect(svg).toContain("0.10 × ceiling (100 req/s)");
    expect(svg).toContain("label of get-by-id &lt;&amp;&gt;");
    expect(svg).not.toContain("<&>");
    expect(svg.match(/<rect /g)).toHaveLength(3);
    // Bars are as long as the ratio, the ceiling (ratio 1) being the dashed line at the end.
    expect(svg).toContain('width="330.0" height="22"');
    expect(svg).toContain('width="55.0" height="22"');
    expect(svg).toMatch(/<line x1="880.0" [^>]*stroke-dasharray/);
  });
});
