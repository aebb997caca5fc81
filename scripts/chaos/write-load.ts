/**
 * A write load of 8 concurrent SCIM clients (POST, PATCH displayName, DELETE on people each
 * client owns) that keeps a ledger of every acknowledged (2xx) write, and a check that reads
 * every person back afterwards: an acknowledged write must be visible, whatever happened to
 * the server or the database in between.
 *
 * A write that got no answer, or a 5xx, may or may not have happened; the person it touched
 * is left alone from then on, and either outcome is accepted for it.
 */
import { displayNamePatch, ScimClient, userPayload, type ScimReply } from "./scim-client";
import { backoffMs, deadline, sleep } from "./timing";

const WRITERS = 8;
const MAX_OPS_PER_WRITER = 20_000;

type State = { exists: boolean; displayName?: string };
type Tracked = { id?: string; acked: State[]; uncertain?: State; abandoned: boolean };
/** One answer (or none) during the load: `status` 0 when no HTTP answer came. */
export type Outcome = { at: number; status: number; method: string };

export class WriteLoad {
  readonly people: Tracked[] = [];
  readonly outcomes: Outcome[] = [];
  acknowledged = 0;
  private paused = false;
  private stopped = false;
  private running: Promise<void> | undefined;
  private readonly started = performance.now();
  private seq = 0;

  constructor(private readonly client: ScimClient) {}

  /** Starts the writers; they run until stop() or `maxMs`. */
  start(maxMs: number): void {
    const budget = deadline(maxMs);
    this.running = Promise.all(Array.from({ length: WRITERS }, (_, w) => this.writer(w, budget))).then(() => {});
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Milliseconds since the load started, the clock of `outcomes`. */
  now(): number {
    return performance.now() - this.started;
  }

  private async writer(w: number, budget: { passed: () => boolean }): Promise<void> {
    const mine: Tracked[] = [];
    for (let ops = 0; ops < MAX_OPS_PER_WRITER && !this.stopped && !budget.passed(); ops++) {
      if (this.paused) {
        // Waiting is not an operation: keep the op count for real requests.
        ops--;
        await sleep(50);
        continue;
      }
      const live = mine.filter((p) => !p.abandoned && p.id && p.acked.at(-1)?.exists);
      const roll = Math.random();
      if (live.length < 4 || roll < 0.35) {
        const person: Tracked = { acked: [], abandoned: false };
        const name = `chaos-w${w}-${++this.seq}-${Date.now()}`;
        const state = { exists: true, displayName: `${name} v0` };
        const reply = await this.send("POST", "/Users", userPayload(`${name}@acme.test`, state.displayName));
        if (reply.kind === "acked") {
          person.id = String(reply.reply.body?.id);
          person.acked.push(state);
          mine.push(person);
          this.people.push(person);
        }
        continue;
      }
      const person = live[Math.floor(Math.random() * live.length)];
      const deleting = roll > 0.85;
      const state: State = deleting ? { exists: false } : { exists: true, displayName: `${person.id} v${++this.seq}` };
      const reply = deleting
        ? await this.send("DELETE", `/Users/${person.id}`)
        : await this.send("PATCH", `/Users/${person.id}`, displayNamePatch(state.displayName!));
      if (reply.kind === "acked") person.acked.push(state);
      else if (reply.kind === "unknown") {
        person.uncertain = state;
        person.abandoned = true;
      } else if (reply.kind === "refused") person.abandoned = true;
    }
  }

  /**
   * acked: 2xx. unknown: no answer after the request may have reached the server, or a 5xx.
   * not-sent: the connection was refused (the server was down), so nothing happened.
   */
  private async send(method: string, path: string, body?: unknown): Promise<{ kind: "acked" | "unknown" | "not-sent" | "refused"; reply: ScimReply }> {
    let reply: ScimReply;
    try {
      reply = await this.client.request(method, path, body, 15_000);
    } catch (error) {
      const refused = (error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
      this.outcomes.push({ at: this.now(), status: 0, method });
      if (refused) await sleep(50);
      return { kind: refused ? "not-sent" : "unknown", reply: { status: 0, body: undefined, retryAfter: null } };
    }
    this.outcomes.push({ at: this.now(), status: reply.status, method });
    if (reply.status >= 200 && reply.status < 300) {
      this.acknowledged++;
      return { kind: "acked", reply };
    }
    if (reply.status === 429) {
      await sleep(backoffMs(reply.retryAfter));
      return { kind: "not-sent", reply };
    }
    return { kind: reply.status >= 500 ? "unknown" : "refused", reply };
  }
}

export type Verification = { acknowledged: number; lost: number; unverifiable: number; lostExamples: string[] };

/** Reads every person with an acknowledged write back and counts the acknowledged writes not visible. */
export async function verifyAcknowledged(client: ScimClient, load: WriteLoad): Promise<Verification> {
  const result: Verification = { acknowledged: load.acknowledged, lost: 0, unverifiable: 0, lostExamples: [] };
  const queue = load.people.filter((p) => p.id && p.acked.length > 0);
  const budget = deadline(5 * 60_000);
  const check = async () => {
    for (let person = queue.pop(); person; person = queue.pop()) {
      const observed = budget.passed() ? undefined : await readBack(client, person.id!);
      if (!observed) {
        result.unverifiable += person.acked.length;
        continue;
      }
      const same = (s: State | undefined) => s !== undefined && s.exists === observed.exists && (!s.exists || s.displayName === observed.displayName);
      if (same(person.acked.at(-1)) || same(person.uncertain)) continue;
      // The newest acknowledged state still visible; every acknowledged write after it is lost.
      const visible = person.acked.findLastIndex(same);
      const lost = person.acked.length - 1 - visible;
      result.lost += lost;
      if (result.lostExamples.length < 20) {
        result.lostExamples.push(`${person.id}: expected ${JSON.stringify(person.acked.at(-1))}, found ${JSON.stringify(observed)} (${lost} acknowledged writes lost)`);
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, check));
  return result;
}

async function readBack(client: ScimClient, id: string): Promise<State | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const reply = await client.patient("GET", `/Users/${id}`);
      if (reply.status === 404) return { exists: false };
      if (reply.status === 200) return { exists: true, displayName: String(reply.body?.displayName) };
    } catch {
      // No answer: the server may still be settling after a restart; try again.
    }
    await sleep(500);
  }
  return undefined;
}

/** Answers by class, for the figures. */
export function countOutcomes(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = { "2xx": 0, "4xx": 0, "429": 0, "5xx": 0, "no answer": 0 };
  for (const { status } of outcomes) {
    const key = status === 0 ? "no answer" : status === 429 ? "429" : status >= 500 ? "5xx" : status >= 400 ? "4xx" : "2xx";
    counts[key]++;
  }
  return counts;
}
