/**
 * This run against the last saved one. Throughput on a shared machine moves with the load
 * of the moment, so a scenario is compared by its ratio to the ceiling measured in the same
 * run, not by raw req/s; a fall of more than 10% is flagged. The initial sync is compared
 * the same way, with a sync of the same plan: per request, a larger one costs more.
 */
import type { SyncPlan } from "./initial-sync";
import type { AgainstCeiling, BenchRun, SyncRow } from "./report";

export const REGRESSION_THRESHOLD = 0.1;

export type Change = { database: string; scenario: string; label: string; before: number; after: number; change: number; regression: boolean };

export function compareRuns(previous: BenchRun, current: BenchRun): Change[] {
  const changes: Change[] = [];
  for (const db of current.databases) {
    const before = previous.databases.find((d) => d.database === db.database);
    if (!before) continue;
    const rows: { scenario: string; label: string; ratio: number; old?: AgainstCeiling }[] = db.scenarios.map((row) => ({
      ...row,
      old: before.scenarios.find((s) => s.scenario === row.scenario && s.connections === row.connections),
    }));
    if (db.sync) rows.push({ scenario: "sync", label: syncLabel(db.sync), ratio: db.sync.ratio, old: before.sync && samePlan(before.sync, db.sync) ? before.sync : undefined });
    for (const { scenario, label, ratio, old } of rows) {
      if (!old || !(old.ratio > 0)) continue;
      const change = (ratio - old.ratio) / old.ratio;
      changes.push({ database: db.database, scenario, label, before: old.ratio, after: ratio, change, regression: change < -REGRESSION_THRESHOLD });
    }
  }
  return changes;
}

const samePlan = (a: SyncPlan, b: SyncPlan) => a.users === b.users && a.groups === b.groups && a.concurrency === b.concurrency && a.memberBatch === b.memberBatch;

const syncLabel = (sync: SyncRow) => `initial sync of ${sync.users.toLocaleString("en")} users`;

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
