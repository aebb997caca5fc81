/**
 * This run against the last saved one. Throughput on a shared machine moves with the load
 * of the moment, so a scenario is compared by its ratio to the ceiling measured in the same
 * run, not by raw req/s; a fall of more than 10% is flagged.
 */
import type { BenchRun } from "./report";

export const REGRESSION_THRESHOLD = 0.1;

export type Change = { database: string; scenario: string; label: string; before: number; after: number; change: number; regression: boolean };

export function compareRuns(previous: BenchRun, current: BenchRun): Change[] {
  const changes: Change[] = [];
  for (const db of current.databases) {
    const before = previous.databases.find((d) => d.database === db.database);
    if (!before) continue;
    for (const row of db.scenarios) {
      const old = before.scenarios.find((s) => s.scenario === row.scenario && s.connections === row.connections);
      if (!old || !(old.ratio > 0)) continue;
      const change = (row.ratio - old.ratio) / old.ratio;
      changes.push({ database: db.database, scenario: row.scenario, label: row.label, before: old.ratio, after: row.ratio, change, regression: change < -REGRESSION_THRESHOLD });
    }
  }
  return changes;
}

export function comparisonLines(previous: BenchRun, changes: Change[]): string[] {
  if (changes.length === 0) return [`No scenario in common with the saved results (last written ${previous.startedAt}).`];
  const regressions = changes.filter((c) => c.regression);
  const lines = [`Compared with the saved results (last written ${previous.startedAt}; ratio to the ceiling):`];
  for (const c of changes) {
    const sign = c.change >= 0 ? "+" : "";
    lines.push(`  ${c.regression ? "REGRESSION" : "          "} ${c.database} ${c.label}: ${c.before.toFixed(2)} -> ${c.after.toFixed(2)} (${sign}${(c.change * 100).toFixed(0)}%)`);
  }
  lines.push(regressions.length ? `${regressions.length} regression(s) over ${REGRESSION_THRESHOLD * 100}%.` : `No regression over ${REGRESSION_THRESHOLD * 100}%.`);
  return lines;
}
