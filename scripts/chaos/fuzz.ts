/**
 * Scenario 1, fuzz: a few thousand hostile requests at every endpoint, with and without
 * valid credentials. Counts answers by class, lists the distinct 5xx, and compares a
 * row-level snapshot taken before and after: every changed row must trace back to a write
 * the server accepted (2xx); the rest are "rows changed by refused requests".
 */
import type { Context, ScenarioResult } from "./context";
import { inspect } from "./context";
import { fuzzCases, type Fixtures, type FuzzCase } from "./fuzz-cases";
import { rawRequest } from "./raw-http";
import { GROUP_SCHEMA, ScimClient, userPayload } from "./scim-client";
import { diffSnapshots, takeSnapshot, type RowChange } from "./snapshot";
import { backoffMs, deadline, seededRandom, sleep } from "./timing";

const CONCURRENCY = 4;
const TIME_BUDGET_MS = 10 * 60_000;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

type Failure = { status: number | string; signature: string; count: number; example: string; requestId: string; answer: string };

export async function fuzz(context: Context): Promise<ScenarioResult> {
  const { server, options, log } = context;
  const fixtures = await seedFixtures(context);
  const before = await inspect(context, () => takeSnapshot(context.target));
  log(`fuzz: ${options.cases} cases, seed ${options.seed}, concurrency ${CONCURRENCY}`);

  const counts = { cases: 0, "2xx": 0, "3xx": 0, "4xx": 0, "429": 0, "501": 0, "5xx": 0, noAnswer: 0, acceptedWrites: 0, serverCrashes: 0 };
  const failures = new Map<string, Failure>();
  const touched = new Set<string>();
  const budget = deadline(TIME_BUDGET_MS);
  const cases = fuzzCases(fixtures, options.cases, seededRandom(options.seed));
  let restarting: Promise<unknown> | undefined;

  const record = (fuzzCase: FuzzCase, status: number | string, answer: string) => {
    const signature = `${status} ${fuzzCase.label.replace(/ auth=\S+/, "")}`;
    const known = failures.get(signature);
    if (known) known.count++;
    else failures.set(signature, { status, signature, count: 1, example: fuzzCase.label, requestId: fuzzCase.requestId, answer: answer.slice(0, 300) });
  };

  const worker = async () => {
    for (let next = cases.next(); !next.done && !budget.passed(); next = cases.next()) {
      const fuzzCase = next.value;
      if (restarting) await restarting;
      const reply = await rawRequest(server.options.port, fuzzCase);
      counts.cases++;
      const status = reply.status;
      if (status === undefined) {
        counts.noAnswer++;
        if (!server.alive()) {
          counts.serverCrashes++;
          record(fuzzCase, "server died", server.logTail(5));
          restarting ??= server.restart().finally(() => (restarting = undefined));
        } else {
          record(fuzzCase, "no answer", reply.error ?? "");
        }
      } else if (status === 429) {
        counts["429"]++;
        await sleep(backoffMs(reply.retryAfter));
      } else if (status === 501) {
        // RFC 7644 section 3.12: the answer for a feature the server does not offer (/Bulk, /Me).
        counts["501"]++;
        record(fuzzCase, status, reply.snippet);
      } else if (status >= 500) {
        counts["5xx"]++;
        record(fuzzCase, status, reply.snippet);
      } else {
        counts[status >= 400 ? "4xx" : status >= 300 ? "3xx" : "2xx"]++;
        if (status < 400 && WRITE_METHODS.has(fuzzCase.method.toUpperCase())) {
          counts.acceptedWrites++;
          for (const ref of [...fuzzCase.refs, fuzzCase.requestId, ...(reply.snippet.match(UUIDS) ?? [])]) touched.add(ref.toLowerCase());
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (!server.running) await server.start();

  const after = await inspect(context, () => takeSnapshot(context.target));
  const changes = diffSnapshots(before, after);
  const unexplained = unexplainedChanges(changes, touched);
  const distinct = [...failures.values()].sort((a, b) => b.count - a.count);
  const distinct5xx = distinct.filter((f) => typeof f.status === "number" && f.status !== 501).length;
  return {
    scenario: "fuzz",
    db: context.target.label,
    status: "ok",
    figures: { requests: counts.cases, "5xx": counts["5xx"], refusedRowsChanged: unexplained.length, logRowsAdded: after.requestLogRows - before.requestLogRows },
    line:
      `cases ${counts.cases}, 2xx ${counts["2xx"]}, 3xx ${counts["3xx"]}, 4xx ${counts["4xx"]}, 429 ${counts["429"]}, ` +
      `5xx ${counts["5xx"]} (${distinct5xx} distinct) and 501 ${counts["501"]}, no answer ${counts.noAnswer}, server crashes ${counts.serverCrashes}, ` +
      `rows changed by refused requests ${unexplained.length} (accepted writes ${counts.acceptedWrites} changed ${changes.length - unexplained.length})` +
      (budget.passed() ? ", stopped at the time budget" : ""),
    notes: byEndpoint(distinct).slice(0, 25),
    details: {
      seed: options.seed,
      counts,
      rowsChangedByAcceptedWrites: changes.length - unexplained.length,
      rowsChangedByRefusedRequests: unexplained.slice(0, 50),
      distinctFailures: distinct.slice(0, 100),
    },
  };
}

/** One line per status, method and endpoint: `500 x8 TRACE /{key}/Users (e.g. ...) -> answer`. */
function byEndpoint(failures: Failure[]): string[] {
  const groups = new Map<string, { count: number; example: Failure }>();
  for (const failure of failures) {
    const key = failure.signature.split(" ").slice(0, 3).join(" ");
    const group = groups.get(key);
    if (group) group.count += failure.count;
    else groups.set(key, { count: failure.count, example: failure });
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([key, { count, example }]) => {
      const [status, ...endpoint] = key.split(" ");
      return `${status} x${count}: ${endpoint.join(" ")} (e.g. ${example.example.slice(0, 120)}) -> ${example.answer.replace(/\s+/g, " ").slice(0, 100)}`;
    });
}

/**
 * The changes no accepted write explains. A change is explained when it names an id or
 * request id of an accepted write, or shares one with an explained change: deleting a
 * person removes its memberships, and those touch the group's row and History.
 */
function unexplainedChanges(changes: RowChange[], touched: Set<string>): RowChange[] {
  const explained = new Set<RowChange>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const change of changes) {
      if (explained.has(change) || !change.refs.some((ref) => touched.has(ref.toLowerCase()))) continue;
      explained.add(change);
      for (const ref of change.refs) touched.add(ref.toLowerCase());
      grew = true;
    }
  }
  return changes.filter((change) => !explained.has(change));
}

/** People and groups for the fuzz to aim at, made through the SCIM API like an IdP would. */
async function seedFixtures(context: Context): Promise<Fixtures> {
  const client = new ScimClient(context.server.origin, context.installed.acme);
  const people: string[] = [];
  for (let i = 0; i < 30; i++) {
    const reply = await client.patient("POST", "/Users", userPayload(`fuzz-target-${i}@acme.test`, `Fuzz Target ${i}`));
    if (reply.status !== 201) throw new Error(`seeding the fuzz targets: POST /Users answered ${reply.status}`);
    people.push(String(reply.body!.id));
  }
  const groups: string[] = [];
  for (let i = 0; i < 6; i++) {
    const members = people.slice(i * 5, i * 5 + 5).map((value) => ({ value }));
    const reply = await client.patient("POST", "/Groups", { schemas: [GROUP_SCHEMA], displayName: `Fuzz Group ${i}`, members });
    if (reply.status !== 201) throw new Error(`seeding the fuzz targets: POST /Groups answered ${reply.status}`);
    groups.push(String(reply.body!.id));
  }
  return {
    installed: context.installed,
    people: people.slice(0, 20),
    doomedPeople: people.slice(20),
    groups: groups.slice(0, 4),
    doomedGroups: groups.slice(4),
  };
}
