/**
 * Everything measured on one database: install through the admin CLI, seed through SQL,
 * start the server, the scenarios between two ceilings, the initial sync and a ceiling after
 * it, then the lookups again at each larger size, between two ceilings too. PGlite has one
 * owner process, so the server stops while it is seeded.
 */
import { randomUUID } from "node:crypto";
import { innermostCause } from "@/lib/errors";
import { CpuMeter, localDatabasePort } from "./cpu";
import { initialSync } from "./initial-sync";
import { measure, perRequest, type Measurement, type Timing } from "./load";
import type { Options } from "./options";
import { cpuText, syncRate, type AgainstCeiling, type DatabaseRun } from "./report";
import { BIG_GROUP, bigGroupMembers, buildScenario, lookupNames, MIN_PEOPLE, scenarioNames, type ScenarioContext, type ScenarioName } from "./scenarios";
import { seedGroupSql, seedPeopleSql } from "./seeding";
import { benchServer, databaseLabels, openTarget, RssSampler, type DatabaseKind } from "./servers";
import { installIntegration, runSeed, withDatabase } from "./setup";

function selectedScenarios(kind: DatabaseKind, options: Options): ScenarioName[] {
  if (options.scenarios) return scenarioNames.filter((name) => name !== "ceiling" && options.scenarios!.includes(name));
  return scenarioNames.filter((name) => name !== "ceiling" && (name !== "pglite-64" || kind === "pglite"));
}

/**
 * What stopped a run, short: a failed query's message is its whole SQL, and says why only in
 * the driver's error below it (a statement timeout, a full disk).
 */
function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = innermostCause(error);
  if (cause === error || !(cause instanceof Error)) return message;
  return `${cause.message} (${message.replace(/\s+/g, " ").slice(0, 160)}…)`;
}

export async function runDatabase(kind: DatabaseKind, options: Options, log: (line: string) => void): Promise<DatabaseRun> {
  const label = databaseLabels[kind];
  const run: DatabaseRun = { database: label, status: "ok", scenarios: [], seedSeconds: {} };
  const target = await openTarget(kind, options.portBase + 2, options.databaseUrl);
  if (typeof target === "string") {
    log(`${label}: skipped: ${target}`);
    return { ...run, status: "skipped", reason: target };
  }
  const port = options.portBase + (kind === "pglite" ? 0 : 1);
  const server = benchServer(target, port, options.appDir, options.cpuProfileDir);
  const rss = new RssSampler(server);
  const cpu = new CpuMeter(port, localDatabasePort(target.databaseUrl));
  const timing: Timing = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, amount: options.amount };
  const seed = async (statements: string[], people: number) => {
    const started = performance.now();
    await withDatabase(target, options.appDir, (db) => runSeed(db, statements));
    run.seedSeconds[people] = (performance.now() - started) / 1000;
    log(`${label}: seeded to ${people.toLocaleString("en")} people in ${run.seedSeconds[people].toFixed(1)} s`);
  };
  const start = async () => {
    log(`${label}: starting next start on 127.0.0.1:${port}`);
    await server.start();
    rss.start();
    log(`${label}: CPU time measured of ${cpu.describe()}`);
  };
  const stop = async () => {
    rss.sample();
    await server.stop();
  };
  /** A scenario whose requests found no server: say so with the server's last words. */
  const checkAlive = (after: string) => {
    if (!server.alive()) throw new Error(`the server exited (${server.lastExit ?? "unknown"}) during ${after}; its log:\n${server.logTail()}`);
  };
  let ceiling = 0;
  /**
   * The ceiling again after what was measured since the last one, and each rate's ratio to
   * the higher of the two: a server just started serves even the empty route well below its
   * warm rate, and a ratio to that cold ceiling flattered every row after it (540 req/s
   * first, 1,112 two minutes later, in one run on this machine).
   */
  const againstCeilings = async (context: ScenarioContext, rates: { label: string; reqPerSec: number }[]): Promise<AgainstCeiling[]> => {
    const before = ceiling;
    await measureCeiling(context);
    const best = Math.max(before, ceiling);
    const rated = rates.map((rate) => ({ ratio: rate.reqPerSec / best, ceiling: best }));
    log(`${label}: ratios to ${best.toFixed(0)} req/s, the higher ceiling: ${rates.map((rate, i) => `${rate.label} ${rated[i].ratio.toFixed(2)}`).join("; ")}`);
    return rated;
  };
  /** Measures scenarios between two ceilings, each rated against the higher. */
  const measureBetweenCeilings = async (names: ScenarioName[], context: ScenarioContext, people?: number) => {
    const measured: Measurement[] = [];
    for (const name of names) {
      const m = await measure(server.origin, buildScenario(name, context, people), timing, cpu);
      log(`${label} ${m.label}: ${m.reqPerSec.toFixed(0)} req/s, p50 ${m.p50.toFixed(0)} ms, p99 ${m.p99.toFixed(0)} ms, max ${m.max.toFixed(0)} ms, ${cpuText(m.cpuMsPerRequest)}unexpected ${m.unexpected}`);
      measured.push(m);
      checkAlive(m.label);
    }
    if (measured.length === 0) return;
    const rated = await againstCeilings(context, measured);
    measured.forEach((m, i) => run.scenarios.push({ ...m, ...rated[i] }));
  };
  /** The ceiling, measured again around each group of rows: the shared machine's load drifts over a long run. */
  const measureCeiling = async (context: ScenarioContext) => {
    const m = await measure(server.origin, buildScenario("ceiling", context), timing, cpu);
    if (run.ceiling) run.extraCeilings = [...(run.extraCeilings ?? []), m];
    else run.ceiling = m;
    ceiling = m.reqPerSec;
    log(`${label} ceiling: ${m.reqPerSec.toFixed(0)} req/s, p99 ${m.p99.toFixed(0)} ms, ${cpuText(m.cpuMsPerRequest)}unexpected ${m.unexpected}`);
  };
  try {
    const people = Math.max(options.people, MIN_PEOPLE);
    const started = performance.now();
    const { main, sync } = await withDatabase(target, options.appDir, async (db) => {
      const installed = { main: await installIntegration(db, "bench"), sync: await installIntegration(db, "bench-sync") };
      await runSeed(db, [...seedPeopleSql(installed.main, 1, people), ...seedGroupSql(installed.main, BIG_GROUP, bigGroupMembers)]);
      return installed;
    });
    run.seedSeconds[people] = (performance.now() - started) / 1000;
    log(`${label}: migrated, installed two Entra integrations, seeded ${people.toLocaleString("en")} people in ${run.seedSeconds[people].toFixed(1)} s`);
    await start();
    const context: ScenarioContext = { appKey: main.appKey, token: main.token, tenantId: main.tenantId, people, runTag: randomUUID().slice(0, 8) };
    await measureCeiling(context);
    const selected = selectedScenarios(kind, options);
    await measureBetweenCeilings(selected, context);
    if (!options.scenarios || options.scenarios.includes("sync")) {
      log(`${label}: initial sync of ${options.sync.users.toLocaleString("en")} users, ${options.sync.groups.toLocaleString("en")} groups`);
      const endCpu = cpu.begin();
      const result = await initialSync({ origin: server.origin, appKey: sync.appKey, token: sync.token }, options.sync);
      result.cpuMsPerRequest = perRequest(endCpu?.(), result.requests);
      log(`${label} initial sync: ${result.wallSeconds.toFixed(1)} s wall, ${syncRate(result).toFixed(0)} req/s, ${cpuText(result.cpuMsPerRequest)}unexpected ${result.unexpected}`);
      checkAlive("the initial sync");
      const [rated] = await againstCeilings(context, [{ label: "initial sync", reqPerSec: syncRate(result) }]);
      run.sync = { ...result, ...rated };
    }
    const lookups = selected.filter((name) => lookupNames.includes(name));
    let seeded = people;
    for (const size of lookups.length ? options.sizes : []) {
      if (target.readsNeedServerStopped) await stop();
      await seed(seedPeopleSql(main, seeded + 1, size), size);
      seeded = size;
      if (!server.running) await start();
      await measureCeiling(context);
      await measureBetweenCeilings(lookups, context, size);
    }
  } catch (error) {
    run.status = "failed";
    run.reason = failureReason(error);
    log(`${label}: failed: ${run.reason}`);
  } finally {
    rss.sample();
    run.peakRssBytes = rss.stop();
    await server.stop();
    await target.dispose();
  }
  return run;
}
