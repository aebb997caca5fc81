/**
 * Scenario 3, database restart (PostgreSQL only): `pg_ctl restart -m fast` under a write
 * load. Counts the 5xx while the database is away, the time from the database being up
 * again to the next 2xx, and acknowledged writes lost. Needs a cluster this script started:
 * with CHAOS_DATABASE_URL the server is not ours to restart, and the scenario is skipped.
 */
import type { Context, ScenarioResult } from "./context";
import { ScimClient } from "./scim-client";
import { sleep } from "./timing";
import { countOutcomes, verifyAcknowledged, WriteLoad } from "./write-load";

export async function dbRestart(context: Context): Promise<ScenarioResult> {
  const { target, server, options, log } = context;
  const skipped = (reason: string): ScenarioResult => ({ scenario: "db-restart", db: target.label, status: "skipped", reason, figures: {}, line: `skipped: ${reason}`, details: {} });
  if (target.kind !== "postgres") return skipped("PostgreSQL only (PGlite lives inside the app's process)");
  if (!target.restartDatabase) return skipped("CHAOS_DATABASE_URL names a server this script did not start; it is not restarted");

  const client = new ScimClient(server.origin, context.installed.acme);
  const load = new WriteLoad(client);
  const phaseMs = options.seconds * 1000;
  load.start(phaseMs + 180_000);
  let restartStart = 0;
  let restartEnd = 0;
  let restartMs = 0;
  try {
    await sleep(phaseMs / 3);
    restartStart = load.now();
    log("db-restart: pg_ctl restart -m fast under load");
    restartMs = await target.restartDatabase();
    restartEnd = load.now();
    await sleep((phaseMs * 2) / 3);
  } finally {
    await load.stop();
  }
  const verification = await verifyAcknowledged(client, load);
  const after = load.outcomes.filter((o) => o.at >= restartStart);
  const firstOkAfterUp = after.find((o) => o.at >= restartEnd && o.status >= 200 && o.status < 300);
  const windowEnd = firstOkAfterUp?.at ?? Number.POSITIVE_INFINITY;
  const during = countOutcomes(after.filter((o) => o.at <= windowEnd));
  const recoveryMs = firstOkAfterUp ? firstOkAfterUp.at - restartEnd : undefined;
  const answers = countOutcomes(load.outcomes);
  return {
    scenario: "db-restart",
    db: target.label,
    status: "ok",
    figures: { requests: load.outcomes.length, "5xx": during["5xx"], acknowledged: verification.acknowledged, lost: verification.lost + verification.unverifiable, recoveryMs },
    line:
      `restart took ${(restartMs / 1000).toFixed(1)} s; while away: 5xx ${during["5xx"]}, no answer ${during["no answer"]}, 2xx ${during["2xx"]}; ` +
      `next 2xx ${recoveryMs === undefined ? "never" : `${Math.round(recoveryMs)} ms`} after it was up; ` +
      `acknowledged writes ${verification.acknowledged}, lost ${verification.lost}, unverifiable ${verification.unverifiable}`,
    notes: verification.lostExamples.slice(0, 5),
    details: { restartMs, duringRestart: during, answers, lostExamples: verification.lostExamples },
  };
}
