/**
 * `npm run bench:http`: issue #11's harness. SCIM throughput over HTTP against the
 * production build (`next start`), on PostgreSQL and on PGlite, one server under load at a
 * time, each scenario read as a share of an empty route handler of the same build measured
 * in the same run (the ceiling). Start reading here; one file per concern:
 *   options.ts       the command line and what each mode (smoke, quick, full, large) sizes
 *   servers.ts       the databases, `next start`, the server's peak RSS
 *   seeding.ts       Entra's request bodies and the SQL seeding rows of the same shape
 *   scenarios.ts     issue #11's scenarios as request generators; load.ts runs them (autocannon)
 *   initial-sync.ts  Entra's first provisioning cycle, timed
 *   run-database.ts  the order of it all on one database
 *   report.ts, chart.ts, compare.ts   the table, bench-results/ (JSON, SVG), the comparison
 * Exit code: 1 when any request was answered other than expected or a database run failed.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { cleanupAll, installCleanupHandlers } from "../chaos/cleanup";
import { assertBuilt } from "../chaos/server";
import { chartSvg } from "./chart";
import { compareRuns, comparisonLines } from "./compare";
import { parseOptions, usage } from "./options";
import { databaseTable, readLatest, unexpectedAnswers, writeResults, type BenchRun } from "./report";
import { runDatabase } from "./run-database";
import type { DatabaseKind } from "./servers";

/** The commit of the checkout whose build is measured. */
function commit(appDir: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: appDir, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (!options) {
    process.stdout.write(usage);
    return 0;
  }
  assertBuilt(options.appDir);
  installCleanupHandlers();
  const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const { databaseUrl, ...shown } = options;
  log(`bench:http ${options.mode}: ${JSON.stringify({ ...shown, databaseUrl: databaseUrl ? "(given)" : undefined })}`);
  const run: BenchRun = {
    startedAt: new Date().toISOString(),
    mode: options.mode,
    options: shown,
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg() },
    commit: commit(options.appDir),
    databases: [],
  };
  const kinds: DatabaseKind[] = options.only ? [options.only] : ["postgres", "pglite"];
  for (const kind of kinds) run.databases.push(await runDatabase(kind, options, log));

  const previous = readLatest(options.mode);
  const svg = chartSvg(run);
  const files = writeResults(run, svg, previous);
  process.stdout.write(`\n${run.databases.map(databaseTable).join("\n\n")}\n\n`);
  if (previous) process.stdout.write(`${comparisonLines(previous, compareRuns(previous, run)).join("\n")}\n\n`);
  process.stdout.write(`Results: ${files.json}\nChart:   ${files.svg}\n`);
  if (options.cpuProfileDir) process.stdout.write(`CPU profiles of the server: ${options.cpuProfileDir}\n`);

  const problems = [...unexpectedAnswers(run), ...run.databases.filter((d) => d.status === "failed").map((d) => `${d.database}: failed: ${d.reason}`)];
  if (problems.length) {
    process.stderr.write(`\nbench:http FAILED:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  }
  return 0;
}

main()
  .then((code) => {
    cleanupAll();
    process.exit(code);
  })
  .catch((error: unknown) => {
    process.stderr.write(`bench:http: ${error instanceof Error ? error.message : String(error)}\n`);
    cleanupAll();
    process.exit(2);
  });
