/** What a run produced, the table it prints, and the files it writes under bench-results/. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SyncResult } from "./initial-sync";
import type { CpuPerRequest, Measurement } from "./load";

/** A rate's ratio to `ceiling`: the higher req/s of the ceilings measured before and after it. */
export type AgainstCeiling = { ratio: number; ceiling: number };

/** A scenario, rated against the ceilings around its group. */
export type ScenarioRow = Measurement & AgainstCeiling;

/**
 * The initial sync, its requests per second of wall time (syncRate) rated against the
 * ceilings around it. Its wall time is the target; the ratio is what it is compared by
 * across runs, as every scenario is.
 */
export type SyncRow = SyncResult & AgainstCeiling;

/** Requests per second of the sync's wall time, every step (lookups, POSTs, PATCHes) counted. */
export const syncRate = (sync: SyncResult) => sync.requests / sync.wallSeconds;

export type DatabaseRun = {
  database: string;
  status: "ok" | "skipped" | "failed";
  reason?: string;
  ceiling?: Measurement;
  /** The ceiling measured again after each group of scenarios and before each larger size's lookups. */
  extraCeilings?: Measurement[];
  scenarios: ScenarioRow[];
  sync?: SyncRow;
  /** Highest VmHWM of the server's processes over the whole run on this database. */
  peakRssBytes?: number;
  /** Seconds spent seeding, by people count. */
  seedSeconds: Record<string, number>;
};

export type BenchRun = {
  startedAt: string;
  mode: string;
  options: Record<string, unknown>;
  machine: { cpus: number; loadAverage: number[] };
  commit?: string;
  databases: DatabaseRun[];
};

/** The 64-connection run's target: no request of the embedded database stalls longer. */
export const STALL_LIMIT_MS = 2_000;
/** Issue #11's memory target for the server, throughout. */
export const RSS_LIMIT_MIB = 512;

const columns: { title: string; cell: (r: ScenarioRow) => string }[] = [
  { title: "scenario", cell: (r) => r.label },
  { title: "conns", cell: (r) => String(r.connections) },
  { title: "req/s", cell: (r) => r.reqPerSec.toFixed(0) },
  { title: "p50 ms", cell: (r) => r.p50.toFixed(0) },
  { title: "p99 ms", cell: (r) => r.p99.toFixed(0) },
  { title: "max ms", cell: (r) => r.max.toFixed(0) },
  { title: "ratio", cell: (r) => r.ratio.toFixed(2) },
  { title: "non-2xx", cell: (r) => String(non2xx(r.statuses)) },
  { title: "cpu ms/req app", cell: (r) => cpuCell(r.cpuMsPerRequest?.app) },
  { title: "cpu ms/req db", cell: (r) => cpuCell(r.cpuMsPerRequest?.db) },
];

/** "-" where it was not measured: PGlite runs inside the app, and a remote server's processes are out of sight. */
const cpuCell = (ms: number | undefined) => (ms === undefined ? "-" : ms.toFixed(2));

/** The CPU per request in a line of text, "cpu ms/req app 1.02 db 0.98, ", or nothing where unmeasured. */
export function cpuText(cpu: CpuPerRequest | undefined): string {
  return cpu ? `cpu ms/req app ${cpu.app.toFixed(2)}${cpu.db === undefined ? "" : ` db ${cpu.db.toFixed(2)}`}, ` : "";
}

/** Answers outside 2xx, and requests that got none, from a count by status. */
export function non2xx(statuses: Record<string, number>): number {
  return Object.entries(statuses).reduce((sum, [status, count]) => sum + (status.startsWith("2") ? 0 : count), 0);
}

export function databaseTable(run: DatabaseRun): string {
  const head = `${run.database}${run.status === "ok" ? "" : ` (${run.status}${run.reason ? `: ${run.reason}` : ""})`}`;
  const ceilings = [...(run.ceiling ? [run.ceiling] : []), ...(run.extraCeilings ?? [])].map((c) => ({ ...c, ratio: 1, ceiling: c.reqPerSec }));
  const measured = [...ceilings.slice(0, 1), ...run.scenarios, ...ceilings.slice(1)];
  const rows = [columns.map((c) => c.title), ...measured.map((r) => columns.map((c) => c.cell(r)))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  const lines = [head, line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)];
  for (const r of run.scenarios.filter((s) => s.connections >= 64)) {
    lines.push(`${r.label}: slowest request ${r.max.toFixed(0)} ms (${r.max > STALL_LIMIT_MS ? "OVER" : "within"} the ${STALL_LIMIT_MS} ms target)`);
  }
  if (run.sync) {
    const s = run.sync;
    lines.push(
      `initial sync: ${s.users.toLocaleString("en")} users, ${s.groups.toLocaleString("en")} groups, ${s.memberships.toLocaleString("en")} memberships at ${s.concurrency} in flight: ` +
        `${s.wallSeconds.toFixed(1)} s wall (users ${s.usersSeconds.toFixed(1)} s, groups ${s.groupsSeconds.toFixed(1)} s), ${s.requests.toLocaleString("en")} requests, ` +
        `${syncRate(s).toFixed(0)} req/s (${s.ratio.toFixed(2)} of the ceiling's ${s.ceiling.toFixed(0)}), p99 ${s.p99.toFixed(0)} ms, ${cpuText(s.cpuMsPerRequest)}unexpected ${s.unexpected}`,
    );
    for (const failure of s.failures) lines.push(`  ${failure}`);
  }
  if (run.peakRssBytes) {
    const mib = run.peakRssBytes / 1048576;
    lines.push(`server peak RSS: ${mib.toFixed(0)} MiB (${mib < RSS_LIMIT_MIB ? "within" : "OVER"} the ${RSS_LIMIT_MIB} MiB target)`);
  }
  const seeds = Object.entries(run.seedSeconds).map(([people, seconds]) => `${Number(people).toLocaleString("en")} in ${seconds.toFixed(1)} s`);
  if (seeds.length) lines.push(`seeded people: ${seeds.join(", ")}`);
  return lines.join("\n");
}

/** Answers other than the expected ones, over every scenario and the sync: the run fails on any. */
export function unexpectedAnswers(run: BenchRun): string[] {
  const found: string[] = [];
  for (const db of run.databases) {
    for (const s of [...(db.ceiling ? [db.ceiling] : []), ...(db.extraCeilings ?? []), ...db.scenarios]) {
      if (s.unexpected > 0) found.push(`${db.database} ${s.label}: ${s.unexpected} unexpected answers (${JSON.stringify(s.statuses)})`);
    }
    if (db.sync && db.sync.unexpected > 0) found.push(`${db.database} initial sync: ${db.sync.unexpected} unexpected answers (${JSON.stringify(db.sync.statuses)})`);
  }
  return found;
}

export const resultsDir = () => path.join(process.cwd(), "bench-results");
/** Smoke runs keep their own history, so a full run is never compared with a smoke run. */
export const latestFile = (mode: string) => path.join(resultsDir(), mode === "smoke" ? "http-smoke-latest.json" : "http-latest.json");

export function readLatest(mode: string): BenchRun | undefined {
  const file = latestFile(mode);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as BenchRun;
  } catch {
    return undefined;
  }
}

/**
 * What the next run compares with: the saved results with this run's rows in place of the
 * same scenarios', from the databases that finished. A run of one database or one scenario,
 * or one that failed, leaves the rest of the baseline as it was.
 */
export function mergedLatest(previous: BenchRun | undefined, run: BenchRun): BenchRun {
  const databases = (previous?.databases ?? []).map((d) => ({ ...d }));
  for (const db of run.databases.filter((d) => d.status === "ok")) {
    const old = databases.find((d) => d.database === db.database);
    if (!old) {
      databases.push(db);
      continue;
    }
    const kept = old.scenarios.filter((s) => !db.scenarios.some((n) => n.scenario === s.scenario && n.connections === s.connections));
    Object.assign(old, { ...db, scenarios: [...db.scenarios, ...kept], sync: db.sync ?? old.sync });
  }
  return { ...run, databases };
}

/** Writes the run's JSON and SVG with a timestamp, and the baseline merged with it as the latest. */
export function writeResults(run: BenchRun, svg: string, previous: BenchRun | undefined): { json: string; svg: string } {
  mkdirSync(resultsDir(), { recursive: true });
  const stamp = run.startedAt.replace(/[:.]/g, "-");
  const base = path.join(resultsDir(), `${run.mode === "smoke" ? "http-smoke" : "http"}-${stamp}`);
  const text = `${JSON.stringify(run, null, 2)}\n`;
  writeFileSync(`${base}.json`, text);
  writeFileSync(`${base}.svg`, svg);
  writeFileSync(latestFile(run.mode), `${JSON.stringify(mergedLatest(previous, run), null, 2)}\n`);
  return { json: `${base}.json`, svg: `${base}.svg` };
}
