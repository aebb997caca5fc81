/**
 * Microsoft Entra ID's initial provisioning cycle into an empty integration, timed wall to
 * wall: for every user a lookup by userName (the empty list answers "not there") then a POST;
 * then for every group a lookup by displayName with excludedAttributes=members, a POST, and
 * PATCHes adding its members in batches. `concurrency` requests are in flight at a time.
 *
 * The client shares the machine's cores with the server under test, so it is node:http on
 * kept-alive connections, not fetch: fetch spent about 0.7 ms of CPU per request here, three
 * times as much, and the 100,000-user sync took a third of a core from the server.
 */
import { Agent, request } from "node:http";
import type { CpuPerRequest } from "./load";
import { entraGroup, entraUser, memberPatch } from "./seeding";

export type SyncPlan = { users: number; groups: number; concurrency: number; memberBatch: number };

export type SyncResult = {
  users: number;
  groups: number;
  memberships: number;
  concurrency: number;
  memberBatch: number;
  requests: number;
  wallSeconds: number;
  usersSeconds: number;
  groupsSeconds: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  /** Answers other than the expected status of each step, and requests that got no answer. */
  unexpected: number;
  /** The first few unexpected answers, to read in the report. */
  failures: string[];
  /** Measured by the harness around the sync (CpuMeter), when the app's process was visible. */
  cpuMsPerRequest?: CpuPerRequest;
};

type Integration = { origin: string; appKey: string; token: string };

export async function initialSync(integration: Integration, plan: SyncPlan): Promise<SyncResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  let unexpected = 0;
  let memberships = 0;
  const base = `${integration.origin}/api/scim/v2/${integration.appKey}/`;
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });

  /** One request; the parsed body when it answered `expected`, else undefined (counted). */
  async function send(method: string, path: string, expected: number, body?: unknown): Promise<Record<string, unknown> | undefined> {
    const started = performance.now();
    let status = "error";
    try {
      const response = await exchange(agent, method, base + path, integration.token, body === undefined ? undefined : JSON.stringify(body));
      status = String(response.status);
      if (response.status === expected) return response.text ? (JSON.parse(response.text) as Record<string, unknown>) : {};
      if (failures.length < 5) failures.push(`${method} ${path}: ${response.status} ${response.text.slice(0, 200)}`);
    } catch (error) {
      if (failures.length < 5) failures.push(`${method} ${path}: ${(error as Error).message}`);
    } finally {
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    unexpected++;
    return undefined;
  }

  /** Absent from a lookup: 200 with an empty list, as Entra expects before it creates. */
  async function absent(path: string): Promise<boolean> {
    const list = await send("GET", path, 200);
    if (list && list.totalResults !== 0) {
      unexpected++;
      if (failures.length < 5) failures.push(`GET ${path}: expected an empty list, got totalResults ${String(list.totalResults)}`);
    }
    return list?.totalResults === 0;
  }

  const userIds: string[] = new Array(plan.users);
  const started = performance.now();
  await pool(plan.users, plan.concurrency, async (index) => {
    const n = index + 1;
    const userName = `sync${n}@bench.test`;
    if (!(await absent(`Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`))) return;
    const created = await send("POST", "Users", 201, entraUser(userName, `sync-ext-${n}`, n));
    if (typeof created?.id === "string") userIds[index] = created.id;
  });
  const usersDone = performance.now();
  // One membership per user: user i belongs to group i mod groups.
  const membersOf: string[][] = Array.from({ length: plan.groups }, () => []);
  userIds.forEach((id, i) => membersOf[i % plan.groups].push(id));
  await pool(plan.groups, plan.concurrency, async (g) => {
    const displayName = `sync-group-${g + 1}`;
    const lookup = `Groups?filter=${encodeURIComponent(`displayName eq "${displayName}"`)}&excludedAttributes=members`;
    if (!(await absent(lookup))) return;
    const created = await send("POST", "Groups", 201, entraGroup(displayName, `sync-group-ext-${g + 1}`));
    if (typeof created?.id !== "string") return;
    const members = membersOf[g];
    for (let from = 0; from < members.length; from += plan.memberBatch) {
      const batch = members.slice(from, from + plan.memberBatch);
      if (await send("PATCH", `Groups/${created.id}`, 204, memberPatch("Add", batch))) memberships += batch.length;
    }
  });
  const finished = performance.now();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    users: plan.users,
    groups: plan.groups,
    memberships,
    concurrency: plan.concurrency,
    memberBatch: plan.memberBatch,
    requests: latencies.length,
    wallSeconds: (finished - started) / 1000,
    usersSeconds: (usersDone - started) / 1000,
    groupsSeconds: (finished - usersDone) / 1000,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? 0,
    statuses,
    unexpected,
    failures,
  };
}

/** Runs task(0..count-1) with at most `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** One HTTP/1.1 exchange on a kept-alive connection: the status and the body as text. */
function exchange(agent: Agent, method: string, url: string, token: string, body: string | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
    if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
    const req = request(url, { method, agent, headers, timeout: 60_000 }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      response.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("no answer within 60 s")));
    req.on("error", reject);
    req.end(body);
  });
}
