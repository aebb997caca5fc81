/**
 * `npm run test:instances`: two production instances (`next start`) on one PostgreSQL
 * database behind a readiness-aware proxy, under a SCIM write load. One instance is stopped
 * with SIGTERM and started again, then the other is killed with SIGKILL and started again.
 * It passes when: both instances migrated the empty database together; every acknowledged
 * write is visible with its History and its request log row; the graceful stop exited 0 and
 * cost no request a connection error; no scheduled job ran on both instances at once; and
 * /api/metrics counted the load; and a pg_dump of the database, restored with pg_restore,
 * serves every acknowledged write from a third instance. Needs `next build` first, and TEST_DATABASE_URL (or
 * CHAOS_DATABASE_URL) naming a server where a throwaway database is created, else a private
 * cluster is started. Ports from INSTANCES_PORT_BASE (default 4700).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { installCleanupHandlers } from "../chaos/cleanup";
import { postgresTarget, type Target } from "../chaos/databases";
import { ScimClient } from "../chaos/scim-client";
import { assertBuilt, Server, serverEnv } from "../chaos/server";
import { install } from "../chaos/setup";
import { sleep } from "../chaos/timing";
import { countOutcomes, verifyAcknowledged, WriteLoad } from "../chaos/write-load";
import { checkJobRuns } from "./jobs-check";
import { ReadinessProxy } from "./proxy";
import { dumpAndRestore } from "./restore";
import { checkHistory, scrapeScimTotal } from "./checks";

const PORT_BASE = Number(process.env.INSTANCES_PORT_BASE ?? 4700);
const PHASE_MS = 6_000;
const METRICS_TOKEN = "two-instances-metrics-token";

type Failure = string;

async function main(): Promise<Failure[]> {
  assertBuilt();
  installCleanupHandlers();
  const target = await postgresTarget(PORT_BASE + 50, process.env.TEST_DATABASE_URL || process.env.CHAOS_DATABASE_URL);
  if (typeof target === "string") throw new Error(target);
  const failures: Failure[] = [];
  const logDir = target.dataDir;
  const instances = ["a", "b"].map(
    (name, i) =>
      new Server({
        port: PORT_BASE + 1 + i,
        dataDir: path.join(target.dataDir, name),
        databaseUrl: target.databaseUrl,
        logFile: path.join(logDir, `${name}.log`),
        env: { SHUTDOWN_DRAIN_SECONDS: "2", METRICS_TOKEN, RETENTION_INTERVAL_SECONDS: "10", ALERTS_INTERVAL_SECONDS: "10", LOG_LEVEL: "debug" },
      }),
  );
  const [a, b] = instances;
  try {
    // Both start on the empty database at once: the migrations run once, under the lock.
    await Promise.all(instances.map((server) => server.start()));
    log("both instances started on the empty database");
    const acme = install(target, PORT_BASE + 1).acme;
    admin(target, ["integration:rate-limit", "--integration", acme.integrationId, "--per-second", "10000"]);

    const proxy = new ReadinessProxy(PORT_BASE, instances.map((s, i) => ({ name: "ab"[i], port: s.options.port })));
    await proxy.start();
    await until(() => proxy.backends.every((backend) => backend.ready), "both instances ready behind the proxy");
    const load = new WriteLoad(new ScimClient(`http://127.0.0.1:${PORT_BASE}`, acme));
    load.start(10 * 60_000);

    const counted = await scrapeScimTotal(a.origin, METRICS_TOKEN);
    await sleep(PHASE_MS);
    const countedLater = await scrapeScimTotal(a.origin, METRICS_TOKEN);
    log(`/api/metrics of a: scim_requests_total ${counted} then ${countedLater}`);
    if (!(countedLater > counted)) failures.push(`/api/metrics did not count the load (${counted} then ${countedLater})`);

    // Graceful: readiness goes 503, the proxy stops sending, requests in flight finish.
    const before = proxy.failures();
    const from = load.now();
    await a.stop();
    const exitedAfter = load.now() - from;
    // Until the proxy has seen it gone: a request sent to a closed listener meanwhile counts too.
    await until(() => !proxy.backends[0].ready, "the proxy to see a gone");
    const to = load.now();
    const after = proxy.failures();
    const graceful = countOutcomes(load.outcomes.filter((o) => o.at >= from && o.at <= to));
    log(`SIGTERM to a: ${a.lastExit} after ${Math.round(exitedAfter)} ms; answers meanwhile ${JSON.stringify(graceful)}`);
    if (a.lastExit !== "exit code 0") failures.push(`a stopped with ${a.lastExit}, not exit code 0`);
    if (after.failed > before.failed || after.refused > before.refused) {
      failures.push(`the graceful stop cost ${after.failed - before.failed} upstream failures and ${after.refused - before.refused} refused connections`);
    }
    if (graceful["no answer"] > 0 || graceful["5xx"] > 0) failures.push(`during the graceful stop: ${JSON.stringify(graceful)}`);
    await a.start();
    await until(() => proxy.backends[0].ready, "a ready again");
    await sleep(PHASE_MS);

    // A crash: whatever b had in flight is lost unanswered, nothing it acknowledged is.
    await b.kill();
    log(`SIGKILL to b: ${b.lastExit}`);
    await b.start();
    await until(() => proxy.backends[1].ready, "b ready again");
    await sleep(PHASE_MS);
    await load.stop();
    await proxy.stop();

    log(`load: ${load.acknowledged} acknowledged writes; answers ${JSON.stringify(countOutcomes(load.outcomes))}`);
    const seen = await verifyAcknowledged(new ScimClient(a.origin, acme), load);
    if (seen.lost > 0 || seen.unverifiable > 0) failures.push(`acknowledged writes lost: ${seen.lost}, unverifiable: ${seen.unverifiable}; ${seen.lostExamples.join("; ")}`);
    failures.push(...(await checkHistory(target, load, acme.integrationId)));

    await Promise.all(instances.map((server) => server.stop()));
    const jobs = checkJobRuns(instances.map((server) => server.options.logFile));
    log(`scheduled job runs: ${JSON.stringify(jobs.runs)}`);
    failures.push(...jobs.overlaps);
    if (Object.keys(jobs.runs).length === 0) failures.push("no scheduled job ran: the check saw nothing");

    // The README's backup and restore: a third instance serves the restored copy.
    const restored = new Server({ port: PORT_BASE + 3, dataDir: path.join(target.dataDir, "c"), databaseUrl: dumpAndRestore(target.databaseUrl!, logDir), logFile: path.join(logDir, "c.log") });
    instances.push(restored);
    await restored.start();
    const seenRestored = await verifyAcknowledged(new ScimClient(restored.origin, acme), load);
    log(`restored from pg_dump: ${seenRestored.acknowledged - seenRestored.lost - seenRestored.unverifiable} of ${seenRestored.acknowledged} acknowledged writes visible`);
    if (seenRestored.lost > 0 || seenRestored.unverifiable > 0) failures.push(`the restored copy lacks ${seenRestored.lost} acknowledged writes (${seenRestored.unverifiable} unverifiable)`);
    return failures;
  } catch (error) {
    for (const server of instances) process.stderr.write(`--- ${server.options.logFile}\n${server.logTail(20)}\n`);
    throw error;
  } finally {
    await Promise.all(instances.map((server) => server.kill()));
    await target.dispose();
  }
}

function admin(target: Target, args: string[]): void {
  const env = serverEnv({ port: PORT_BASE + 1, dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  execFileSync(path.join("node_modules", ".bin", "tsx"), ["scripts/admin.ts", ...args], { env, stdio: ["ignore", "ignore", "inherit"], timeout: 300_000 });
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().then(
  (failures) => {
    for (const failure of failures) process.stdout.write(`FAIL ${failure}\n`);
    process.stdout.write(failures.length === 0 ? "two instances: PASS\n" : "two instances: FAIL\n");
    process.exit(failures.length === 0 ? 0 : 1);
  },
  (error: unknown) => {
    process.stderr.write(`two instances: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
