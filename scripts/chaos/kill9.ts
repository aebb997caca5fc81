/**
 * Scenario 2, kill -9: the server is SIGKILLed (its whole process group) in the middle of a
 * write load, a few times, and started again each time. Afterwards every acknowledged write
 * is read back: "acknowledged writes lost" must be 0. On PGlite this also shows whether the
 * embedded database survives its owner dying (a restart that fails is reported).
 */
import type { Context, ScenarioResult } from "./context";
import { ScimClient } from "./scim-client";
import { deadline, sleep } from "./timing";
import { countOutcomes, verifyAcknowledged, WriteLoad, type Verification } from "./write-load";

const MIN_ACKS_BEFORE_KILL = 20;

export async function kill9(context: Context): Promise<ScenarioResult> {
  const { server, options, log } = context;
  const client = new ScimClient(server.origin, context.installed.acme);
  const load = new WriteLoad(client);
  const phaseMs = options.seconds * 1000;
  load.start(options.kills * (phaseMs + 180_000) + phaseMs);
  const restartMs: number[] = [];
  const firstAckAfterRestartMs: number[] = [];
  let restartFailure: string | undefined;
  try {
    for (let round = 1; round <= options.kills; round++) {
      // Kill while writes are in flight: after some acknowledgements, at a random moment.
      const ackedAtStart = load.acknowledged;
      const enough = deadline(phaseMs * 3);
      while (load.acknowledged - ackedAtStart < MIN_ACKS_BEFORE_KILL && !enough.passed()) await sleep(20);
      await sleep(Math.random() * phaseMs);
      await server.kill();
      load.pause();
      log(`kill9: round ${round}: SIGKILL after ${load.acknowledged} acknowledged writes; starting again`);
      try {
        restartMs.push(await server.start());
      } catch (error) {
        restartFailure = (error as Error).message;
        log(`kill9: the server did not come back: ${restartFailure.split("\n")[0]}`);
        break;
      }
      const restartedAt = load.now();
      const ackedAtRestart = load.acknowledged;
      load.resume();
      const wait = deadline(60_000);
      while (load.acknowledged === ackedAtRestart && !wait.passed()) await sleep(10);
      firstAckAfterRestartMs.push(load.now() - restartedAt);
    }
    if (!restartFailure) await sleep(phaseMs / 2);
  } finally {
    await load.stop();
  }
  const verification: Verification = restartFailure
    ? { acknowledged: load.acknowledged, lost: 0, unverifiable: load.acknowledged, lostExamples: [] }
    : await verifyAcknowledged(client, load);
  // Without a server nothing acknowledged can be read: all of it counts as lost.
  const lost = verification.lost + verification.unverifiable;
  const answers = countOutcomes(load.outcomes);
  const recoveryMs = firstAckAfterRestartMs.length ? Math.max(...firstAckAfterRestartMs) : undefined;
  return {
    scenario: "kill9",
    db: context.target.label,
    status: "ok",
    figures: { requests: load.outcomes.length, "5xx": answers["5xx"], acknowledged: verification.acknowledged, lost, recoveryMs },
    line:
      `kills ${restartMs.length}${restartFailure ? " (then the server did not start again)" : ""}, requests ${load.outcomes.length}, ` +
      `acknowledged writes ${verification.acknowledged}, lost ${verification.lost}, unverifiable ${verification.unverifiable}, ` +
      `5xx ${answers["5xx"]}, no answer ${answers["no answer"]}, 429 ${answers["429"]}, ` +
      `restart ${restartMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join("/") || "-"}`,
    notes: verification.lostExamples.slice(0, 5),
    details: { answers, restartMs, firstAckAfterRestartMs, restartFailure, lostExamples: verification.lostExamples },
  };
}
