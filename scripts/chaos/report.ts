/** The summary table and the JSON report of a chaos run. */
import { writeFileSync } from "node:fs";
import type { ScenarioResult } from "./context";
import { formatBytes } from "./flood";

const columns: { title: string; cell: (r: ScenarioResult) => string }[] = [
  { title: "database", cell: (r) => r.db },
  { title: "scenario", cell: (r) => r.scenario },
  { title: "status", cell: (r) => r.status },
  { title: "requests", cell: (r) => num(r.figures.requests) },
  { title: "5xx", cell: (r) => num(r.figures["5xx"]) },
  { title: "rows changed by refused", cell: (r) => num(r.figures.refusedRowsChanged) },
  { title: "acked writes", cell: (r) => num(r.figures.acknowledged) },
  { title: "acked lost", cell: (r) => num(r.figures.lost) },
  { title: "recovery", cell: (r) => (r.figures.recoveryMs === undefined ? "-" : `${Math.round(r.figures.recoveryMs)} ms`) },
  { title: "db growth", cell: (r) => (r.figures.growthBytes === undefined ? "-" : formatBytes(r.figures.growthBytes)) },
  { title: "log rows +", cell: (r) => num(r.figures.logRowsAdded) },
];

function num(value: number | undefined): string {
  return value === undefined ? "-" : String(value);
}

export function summaryTable(results: ScenarioResult[]): string {
  const rows = [columns.map((c) => c.title), ...results.map((r) => columns.map((c) => c.cell(r)))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  const reasons = results.filter((r) => r.reason).map((r) => `${r.db} ${r.scenario}: ${r.status}: ${r.reason}`);
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line), ...(reasons.length ? ["", ...reasons] : [])].join("\n");
}

export function writeReport(file: string, run: { startedAt: string; options: unknown; results: ScenarioResult[]; serverLogs: string[] }): void {
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
}
