/**
 * The scenarios of issue #11's table, each a generator of requests for autocannon. Lookups
 * pick a random seeded person; writes never collide with one another in flight, so each does
 * the work it claims (a PATCH that changes nothing would flatter the numbers).
 */
import type { Scenario } from "./load";
import { activePatch, entraUser, externalIdOf, memberPatch, seededGroupId, seededPersonId, userNameOf } from "./seeding";

/**
 * In the order they run. The page of 100 comes before the writes: its count is of every live
 * person, and the POSTs add as many as their speed allows (3,500 in a quick run), so after them
 * it paged a size that changed with every run, on a table not yet vacuumed.
 */
export const scenarioNames = [
  "ceiling",
  "filter-username",
  "filter-externalid",
  "get-by-id",
  "page-100",
  "post-user",
  "patch-active",
  "patch-member",
  "pglite-64",
] as const;
export type ScenarioName = (typeof scenarioNames)[number];
export const lookupNames: ScenarioName[] = ["filter-username", "filter-externalid", "get-by-id"];

/** The 1,000-member group: people 1..872 and the last 128 of the candidates 1001..2000. */
export const BIG_GROUP = "bench-1000";
const GROUP_SIZE = 1_000;
const CANDIDATES = { first: 1_001, count: 1_000 };
/** A member added now is removed this many adds later: further apart than requests in flight. */
const REMOVE_LAG = 128;
export const bigGroupMembers: [number, number][] = [
  [1, GROUP_SIZE - REMOVE_LAG],
  [CANDIDATES.first + CANDIDATES.count - REMOVE_LAG, CANDIDATES.first + CANDIDATES.count - 1],
];
/** The people the scenarios need: the group's members and candidates. */
export const MIN_PEOPLE = CANDIDATES.first + CANDIDATES.count - 1;

export type ScenarioContext = {
  appKey: string;
  token: string;
  tenantId: string;
  /** Seeded people: user1 .. user<people>. */
  people: number;
  /** Tells this run's POSTed userNames apart from an earlier run's on the same database. */
  runTag: string;
};

const random = (max: number) => 1 + Math.floor(Math.random() * max);

/** One counter per context for the active toggle, so the 64-connection run continues it. */
const toggles = new WeakMap<ScenarioContext, { next: number }>();

export function buildScenario(name: ScenarioName, context: ScenarioContext, people = context.people): Scenario {
  const scim = (path: string) => `/api/scim/v2/${context.appKey}/${path}`;
  const headers = { authorization: `Bearer ${context.token}` };
  const filter = (expression: string) => scim(`Users?filter=${encodeURIComponent(expression)}`);
  const sized = people === context.people ? "" : ` (${people.toLocaleString("en")} people)`;
  const toggle = toggles.get(context) ?? { next: 0 };
  toggles.set(context, toggle);
  const nextToggle = () => {
    const i = toggle.next++;
    return { n: 1 + (i % context.people), active: Math.floor(i / context.people) % 2 === 1 };
  };
  let i = 0;
  const make = (label: string, expected: number[], next: Scenario["next"], extra: Partial<Scenario> = {}): Scenario => ({
    name: sized ? `${name}@${people}` : name,
    label: label + sized,
    expected,
    headers,
    next,
    ...extra,
  });
  switch (name) {
    case "ceiling":
      return make("empty route (ceiling)", [200], () => ({ method: "GET", path: "/api/bench-ceiling" }), { headers: {} });
    case "filter-username":
      return make('GET /Users?filter=userName eq "…"', [200], () => ({ method: "GET", path: filter(`userName eq "${userNameOf(random(people))}"`) }));
    case "filter-externalid":
      return make('GET /Users?filter=externalId eq "…"', [200], () => ({ method: "GET", path: filter(`externalId eq "${externalIdOf(random(people))}"`) }));
    case "get-by-id":
      return make("GET /Users/{id}", [200], () => ({ method: "GET", path: scim(`Users/${seededPersonId(context.tenantId, random(people))}`) }));
    case "post-user":
      return make("POST /Users", [201], () => {
        const n = i++;
        return { method: "POST", path: scim("Users"), body: entraUser(`post-${context.runTag}-${n}@bench.test`, `post-${context.runTag}-${n}`, n) };
      });
    case "patch-active":
      return make("PATCH active toggle", [200, 204], () => {
        const { n, active } = nextToggle();
        return { method: "PATCH", path: scim(`Users/${seededPersonId(context.tenantId, n)}`), body: activePatch(active) };
      });
    case "patch-member": {
      const group = scim(`Groups/${seededGroupId(context.tenantId, BIG_GROUP)}`);
      const candidate = (k: number) => seededPersonId(context.tenantId, CANDIDATES.first + (k % CANDIDATES.count));
      return make("PATCH one member, 1,000-member group", [200, 204], () => {
        const k = Math.floor(i / 2);
        const add = i++ % 2 === 0;
        return { method: "PATCH", path: group, body: add ? memberPatch("Add", [candidate(k)]) : memberPatch("Remove", [candidate(k + CANDIDATES.count - REMOVE_LAG)]) };
      });
    }
    case "page-100":
      return make("GET page of 100", [200], () => ({ method: "GET", path: scim(`Users?startIndex=${random(Math.max(1, people - 100))}&count=100`) }));
    case "pglite-64":
      // Reads and writes interleaved at 64 connections: what stalls a single-threaded database.
      return make(
        "64 connections: lookup + PATCH active",
        [200, 204],
        () => {
          if (i++ % 2 === 0) return { method: "GET", path: filter(`userName eq "${userNameOf(random(people))}"`) };
          const { n, active } = nextToggle();
          return { method: "PATCH", path: scim(`Users/${seededPersonId(context.tenantId, n)}`), body: activePatch(active) };
        },
        { connections: 64 },
      );
  }
}
