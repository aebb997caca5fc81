/**
 * `npm run bench`: how fast the SCIM core answers at scale, in-process through the same
 * adapter the route uses, on the embedded database (or BENCH_DATABASE_URL, a PostgreSQL
 * server: a throwaway database is created there and dropped after).
 *
 * Prints medians and p95 over repeated runs, and the ratios that matter: a one-member PATCH
 * on a 100,000-member group against the same PATCH on an empty group, and a userName lookup
 * among 100,000 people against one among 100. Then the Overview's data at a year of request
 * log (scripts/bench-overview.ts; BENCH_ONLY=overview runs only that), and the People page's
 * data functions on BENCH_PAGE_PEOPLE (1,000,000) people of another tenant
 * (scripts/bench-people-page.ts; BENCH_ONLY=people runs only that).
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import { rowsOf } from "@/db/rows-of";
import { cliActor } from "@/lib/audit/record-audit";
import { createIntegration } from "@/lib/integrations/create-integration";
import { setIntegrationRateLimit } from "@/lib/integrations/set-integration-rate-limit";
import { handleFetchRequest } from "@/lib/provisioning/fetch-adapter";
import { createTenant } from "@/lib/tenants/create-tenant";
import { benchOverview } from "./bench-overview";
import { benchPeoplePage } from "./bench-people-page";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const PAGE_PEOPLE = Number(process.env.BENCH_PAGE_PEOPLE ?? 1_000_000);

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
else delete process.env.TEST_DATABASE_URL;

const database = await createTestDb();
const { db } = database;

type Installed = { appKey: string; secret: string; tenantId: string; integrationId: string };

async function install(slug: string): Promise<Installed> {
  const tenant = await createTenant(db, { slug, name: slug });
  const { integration, secret } = await createIntegration(db, tenant.id, { provider: "entra" }, cliActor);
  // The benchmark sends as fast as it can: the default rate limit would answer 429.
  await setIntegrationRateLimit(db, { integrationId: integration.id }, 10_000, cliActor);
  return { appKey: integration.appKey, secret, tenantId: tenant.id, integrationId: integration.id };
}

async function scim(who: Installed, method: string, path: string, body?: unknown, options: { raw?: boolean } = {}) {
  const url = `http://localhost:3000/api/scim/v2/${who.appKey}/${path}`;
  const request = new Request(url, {
    method,
    headers: { authorization: `Bearer ${who.secret}`, "content-type": "application/scim+json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const segments = new URL(url).pathname.replace(/^\/api\/scim\/v2\//, "").split("/");
  const response = await handleFetchRequest(request, segments, db);
  if (options.raw) {
    // Read the body as a client would, chunk by chunk, without keeping it.
    let bytes = 0;
    const reader = response.body!.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    return { status: response.status, bytes };
  }
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** People inserted set-based: the benchmark measures reads and writes, not its own setup. */
async function seedPeople(who: Installed, count: number, prefix: string) {
  await db.execute(sql`
    insert into people (tenant_id, integration_id, user_name, external_id, active, given_name, family_name, display_name, primary_email, resource)
    select ${who.tenantId}::uuid, ${who.integrationId}::uuid, ${prefix} || n || '@bench.test', 'ext-' || n, true, 'Given' || n, 'Family' || n,
           'Person ' || n, ${prefix} || n || '@bench.test',
           jsonb_build_object('schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User'),
             'userName', ${prefix} || n || '@bench.test', 'active', true,
             'name', jsonb_build_object('givenName', 'Given' || n, 'familyName', 'Family' || n),
             'emails', jsonb_build_array(jsonb_build_object('value', ${prefix} || n || '@bench.test', 'type', 'work', 'primary', true)))
    from generate_series(1, ${count}) as n`);
  await db.execute(sql`analyze people`);
}

async function personIds(who: Installed, limit: number): Promise<string[]> {
  const result = await db.execute(sql`select id from people where integration_id = ${who.integrationId}::uuid order by created_at, id limit ${limit}`);
  const rows = rowsOf<{ id: string }>(result);
  return rows.map((r) => r.id);
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), runs: samples.length };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

/** Highest heap seen while a streamed body was read (see scim's raw mode). */
let peakHeap = 0;
const results: Record<string, ReturnType<typeof stats> & { note?: string }> = {};
const report = (name: string, value: ReturnType<typeof stats>, note?: string) => {
  results[name] = { ...value, ...(note ? { note } : {}) };
  console.log(`${name.padEnd(58)} median ${value.median.toFixed(1).padStart(8)} ms   p95 ${value.p95.toFixed(1).padStart(8)} ms   (${value.runs} runs)`);
};

if (process.env.BENCH_ONLY === "overview") {
  console.log(`Backend: ${database.kind}; ${RUNS} runs each\n`);
  await benchOverview(db, await install(`bench-overview-${randomUUID().slice(0, 6)}`), time, report, RUNS);
  await database.close();
  process.exit(0);
}
if (process.env.BENCH_ONLY === "people") {
  console.log(`Backend: ${database.kind}; ${RUNS} runs each\n`);
  await benchPeoplePage(db, await install(`bench-page-${randomUUID().slice(0, 6)}`), PAGE_PEOPLE, RUNS, time, report);
  await database.close();
  process.exit(0);
}

console.log(`Backend: ${database.kind}; ${PEOPLE.toLocaleString("en")} people; ${RUNS} runs each\n`);
const small = await install(`bench-small-${randomUUID().slice(0, 6)}`);
const large = await install(`bench-large-${randomUUID().slice(0, 6)}`);
await seedPeople(small, 100, "s");
let started = performance.now();
await seedPeople(large, PEOPLE, "l");
console.log(`(setup: ${PEOPLE.toLocaleString("en")} people inserted in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);

const probe = () => `Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`;
const lookupSmall = await time(RUNS, () => scim(small, "GET", `Users?filter=${encodeURIComponent(`userName eq "S50@BENCH.test"`)}`));
const lookupLarge = await time(RUNS, (i) => scim(large, "GET", `Users?filter=${encodeURIComponent(`userName eq "L${(i * 3779) % PEOPLE + 1}@BENCH.test"`)}`));
report("GET userName eq (among 100 people)", lookupSmall);
report(`GET userName eq (among ${PEOPLE.toLocaleString("en")} people)`, lookupLarge);
report("GET Entra probe: userName eq <random guid>", await time(RUNS, () => scim(large, "GET", probe())));
report("GET externalId eq", await time(RUNS, (i) => scim(large, "GET", `Users?filter=${encodeURIComponent(`externalId eq "ext-${i + 7}"`)}`)));
report("GET a page of 100 from the middle (startIndex)", await time(RUNS, () => scim(large, "GET", `Users?startIndex=${Math.floor(PEOPLE / 2)}&count=100`)));
report("POST /Users", await time(RUNS, (i) => scim(large, "POST", "Users", { userName: `new${i}-${randomUUID()}@bench.test`, active: true })));
const ids = await personIds(large, 20_000);
report("PATCH active False", await time(RUNS, (i) => scim(large, "PATCH", `Users/${ids[i]}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "active", value: "False" }] })));

const patchMembers = (op: string, members: string[]) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
  Operations: [{ op, path: "members", value: members.map((value) => ({ value })) }],
});
const add10k = await time(3, async () => {
  const group = await scim(large, "POST", "Groups", { displayName: `ten-thousand-${randomUUID()}` });
  await scim(large, "PATCH", `Groups/${group.id}`, patchMembers("Add", ids.slice(0, 10_000)));
});
report("POST group + PATCH adding 10,000 members at once", add10k);

const empty = await scim(large, "POST", "Groups", { displayName: `empty-${randomUUID()}` });
const huge = await scim(large, "POST", "Groups", { displayName: `huge-${randomUUID()}` });
started = performance.now();
await db.execute(sql`insert into group_members (group_id, person_id, tenant_id)
  select ${huge.id}::uuid, id, tenant_id from people where integration_id = ${large.integrationId}::uuid`);
console.log(`(setup: ${PEOPLE.toLocaleString("en")} memberships inserted in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
const addToEmpty = await time(RUNS, (i) => scim(large, "PATCH", `Groups/${empty.id}`, patchMembers("Add", [ids[ids.length - 1 - i]])));
const removeFromHuge = await time(RUNS, (i) => scim(large, "PATCH", `Groups/${huge.id}`, patchMembers("Remove", [ids[i]])));
const addToHuge = await time(RUNS, (i) => scim(large, "PATCH", `Groups/${huge.id}`, patchMembers("Add", [ids[i]])));
report("PATCH add one member to an empty group", addToEmpty);
report(`PATCH remove one member from a ${PEOPLE.toLocaleString("en")}-member group`, removeFromHuge);
report(`PATCH add one member to a ${PEOPLE.toLocaleString("en")}-member group`, addToHuge);
report("GET that group with excludedAttributes=members", await time(RUNS, () => scim(large, "GET", `Groups/${huge.id}?excludedAttributes=members`)));
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let streamedBytes = 0;
report(
  `GET that group with all ${PEOPLE.toLocaleString("en")} members (streamed)`,
  await time(3, async () => (streamedBytes = (await scim(large, "GET", `Groups/${huge.id}`, undefined, { raw: true })).bytes)),
);

await benchOverview(db, await install(`bench-overview-${randomUUID().slice(0, 6)}`), time, report, RUNS);
console.log("");
await benchPeoplePage(db, await install(`bench-page-${randomUUID().slice(0, 6)}`), PAGE_PEOPLE, RUNS, time, report);

console.log("\nRatios (closer to 1 is better):");
console.log(`  one-member add, ${PEOPLE.toLocaleString("en")}-member group vs empty group: ${(addToHuge.median / addToEmpty.median).toFixed(2)}`);
console.log(`  userName lookup, ${PEOPLE.toLocaleString("en")} people vs 100 people:          ${(lookupLarge.median / lookupSmall.median).toFixed(2)}`);
console.log(`  large group GET: ${(streamedBytes / 1048576).toFixed(1)} MiB of JSON; peak heap ${((peakHeap - heapBefore) / 1048576).toFixed(0)} MiB above before it; RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
if (process.env.BENCH_JSON) console.log(JSON.stringify(results, null, 2));
await database.close();
