/**
 * `npm run chaos`: security issue #7's "Done means" harness. Start reading here.
 *
 * For each database (PGlite in a temp DATA_DIR; PostgreSQL from CHAOS_DATABASE_URL or a
 * private cluster started with initdb + pg_ctl), it installs two tenants with the admin CLI
 * (setup.ts), starts the production build with `next start` on 127.0.0.1 (server.ts), and
 * runs the scenarios, one file each:
 *   fuzz.ts        hostile requests; cases, 5xx, rows changed by refused requests
 *   kill9.ts       SIGKILL under write load; acknowledged writes lost
 *   db-restart.ts  pg_ctl restart under write load; 5xx, recovery time, writes lost
 *   flood.ts       unauthenticated 1 MiB bodies; database growth, request-log rows
 * It prints a line per scenario, a summary table, and writes a JSON report. It measures,
 * it does not assert: the exit code is non-zero only when the harness itself fails.
 * Every loop is bounded in count and time; servers, the cluster and temp folders are
 * removed at the end, also on failure or Ctrl-C.
 */
import { copyFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { cleanupAll, installCleanupHandlers } from "./cleanup";
import { scenarioNames, type Context, type Options, type ScenarioName, type ScenarioResult } from "./context";
import { makeTempDir, pgliteTarget, postgresTarget, type Target } from "./databases";
import { dbRestart } from "./db-restart";
import { flood } from "./flood";
import { fuzz } from "./fuzz";
import { kill9 } from "./kill9";
import { summaryTable, writeReport } from "./report";
import { assertBuilt, Server } from "./server";
import { install } from "./setup";
import { withTimeout } from "./timing";

const SCENARIO_LIMIT_MS = 45 * 60_000;
const scenarios: Record<ScenarioName, (context: Context) => Promise<ScenarioResult>> = { fuzz, kill9, "db-restart": dbRestart, flood };

const usage = `usage: npm run chaos -- [--db pglite|postgres|both] [--seconds N] [--only ${scenarioNames.join("|")}]
                       [--cases N] [--seed N] [--kills N] [--out report.json]
  --db       which database(s) (default both)
  --seconds  length of each load phase: kill -9 rounds, database restart, flood (default 10, 1-120)
  --only     run one scenario
  --cases    fuzz cases (default 3000, at most 20000)
  --seed     fuzz seed (default 1): the same seed sends the same cases
  --kills    kill -9 rounds (default 3, at most 10)
  --out      where to write the JSON report (default a file in the temp folder)
Environment: CHAOS_PORT_BASE (default 3801; ports base..base+2 are used),
CHAOS_DATABASE_URL (a PostgreSQL server to create a throwaway database in).
Needs a production build: run \`npx next build\` first.
`;

const optionsSchema = z.object({
  db: z.enum(["pglite", "postgres", "both"]).default("both"),
  seconds: z.coerce.number().int().min(1).max(120).default(10),
  only: z.enum(scenarioNames).optional(),
  cases: z.coerce.number().int().min(1).max(20_000).default(3000),
  seed: z.coerce.number().int().min(0).default(1),
  kills: z.coerce.number().int().min(1).max(10).default(3),
  portBase: z.coerce.number().int().min(1024).max(65_000).default(3801),
  out: z.string().min(1).optional(),
});

function parseOptions(): Options | undefined {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(["db", "seconds", "only", "cases", "seed", "kills", "out"].map((name) => [name, { type: "string" as const }])),
      help: { type: "boolean", short: "h" },
    },
  });
  const { help, ...given } = values;
  if (help) return undefined;
  const parsed = optionsSchema.safeParse({ ...given, portBase: process.env.CHAOS_PORT_BASE || undefined });
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}\n${usage}`);
  }
  return parsed.data;
}

async function runOn(kind: "pglite" | "postgres", options: Options, log: (line: string) => void, logDir: string): Promise<{ results: ScenarioResult[]; serverLog?: string }> {
  const selected = options.only ? [options.only] : [...scenarioNames];
  const port = options.portBase + (kind === "pglite" ? 0 : 1);
  const target: Target | string = kind === "pglite" ? pgliteTarget() : await postgresTarget(options.portBase + 2);
  if (typeof target === "string") {
    log(`PostgreSQL: skipped: ${target}`);
    return { results: selected.map((scenario) => ({ scenario, db: "PostgreSQL", status: "skipped", reason: target, figures: {}, line: "", details: {} })) };
  }
  const logFile = path.join(logDir, `${kind}-server.log`);
  const server = new Server({ port, dataDir: target.dataDir, databaseUrl: target.databaseUrl, logFile });
  const results: ScenarioResult[] = [];
  try {
    log(`${target.label}: installing tenants and integrations with the admin CLI`);
    const installed = install(target, port);
    log(`${target.label}: starting next start on 127.0.0.1:${port}`);
    await server.start();
    const context: Context = { target, server, installed, options, log: (line) => log(`${target.label} ${line}`) };
    for (const name of selected) {
      const started = performance.now();
      let result: ScenarioResult;
      try {
        if (!server.running) await server.start();
        // A last guard: a step that hangs ends the scenario as failed, not the whole run.
        result = await withTimeout(scenarios[name](context), SCENARIO_LIMIT_MS, `scenario ${name}`);
      } catch (error) {
        const reason = (error as Error).message;
        result = { scenario: name, db: target.label, status: "failed", reason, figures: {}, line: `failed: ${reason}`, details: { serverLog: server.logTail() } };
      }
      results.push(result);
      log(`${target.label} ${name}: ${result.line} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      for (const note of result.notes ?? []) log(`    ${note}`);
    }
  } finally {
    await server.stop();
    await target.dispose();
  }
  return { results, serverLog: logFile };
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (!options) {
    process.stdout.write(usage);
    return 0;
  }
  assertBuilt();
  installCleanupHandlers();
  const startedAt = new Date().toISOString();
  const stamp = startedAt.replace(/[:.]/g, "-");
  const reportFile = path.resolve(options.out ?? path.join(os.tmpdir(), `chaos-report-${stamp}.json`));
  const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  log(`chaos: databases ${options.db}, scenarios ${options.only ?? scenarioNames.join(", ")}, seconds ${options.seconds}, fuzz cases ${options.cases}, seed ${options.seed}, ports from ${options.portBase}`);
  const logDir = makeTempDir("logs");
  const results: ScenarioResult[] = [];
  const serverLogs: string[] = [];
  for (const kind of options.db === "both" ? (["pglite", "postgres"] as const) : [options.db]) {
    const run = await runOn(kind, options, log, logDir);
    results.push(...run.results);
    if (run.serverLog && existsSync(run.serverLog)) {
      const kept = reportFile.replace(/\.json$/, "") + `-${kind}-server.log`;
      copyFileSync(run.serverLog, kept);
      serverLogs.push(kept);
    }
  }
  writeReport(reportFile, { startedAt, options, results, serverLogs });
  process.stdout.write(`\n${summaryTable(results)}\n\nReport: ${reportFile}\nServer logs: ${serverLogs.join(", ") || "-"}\n`);
  return results.some((r) => r.status === "failed") ? 1 : 0;
}

main()
  .then((code) => {
    cleanupAll();
    process.exit(code);
  })
  .catch((error: unknown) => {
    process.stderr.write(`chaos: ${error instanceof Error ? error.message : String(error)}\n`);
    cleanupAll();
    process.exit(2);
  });
