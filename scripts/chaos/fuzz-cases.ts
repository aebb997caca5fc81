/**
 * The fuzz corpus: first every endpoint with every method under four kinds of credentials,
 * then random combinations of the hostile pieces in fuzz-inputs.ts, from a seeded random
 * source so the same seed replays the same cases.
 */
import { randomUUID } from "node:crypto";
import {
  authorizations,
  framings,
  genericBodies,
  headerSets,
  oddStrings,
  pathSegments,
  queries,
  shapedBodies,
  type Named,
} from "./fuzz-inputs";
import type { RawRequest } from "./raw-http";
import type { Installation } from "./setup";
import { pick } from "./timing";

export type FuzzCase = RawRequest & {
  /** Which pieces made it: `POST {key}/Users auth=none body=deep-array-100k`. */
  label: string;
  /** The path with ids replaced by placeholders, for grouping 5xx. */
  template: string;
  validAuth: boolean;
  /** Ids of people and groups the case names (for attributing the rows an accepted write changed). */
  refs: string[];
  requestId: string;
};

export type Fixtures = {
  installed: Installation;
  /** Seeded people and groups the fuzz may change; `doomed` ones may also be deleted. */
  people: string[];
  groups: string[];
  doomedPeople: string[];
  doomedGroups: string[];
};

type Endpoint = { template: string; shape?: "Users" | "Groups" | "search"; id?: "person" | "group" };

const SCIM = "/api/scim/v2";
const endpoints: Endpoint[] = [
  { template: "{key}/Users", shape: "Users" },
  { template: "{key}/Users/{person}", shape: "Users", id: "person" },
  { template: "{key}/Users/.search", shape: "search" },
  { template: "{key}/Groups", shape: "Groups" },
  { template: "{key}/Groups/{group}", shape: "Groups", id: "group" },
  { template: "{key}/Groups/.search", shape: "search" },
  { template: "{key}/ServiceProviderConfig" },
  { template: "{key}/ResourceTypes" },
  { template: "{key}/ResourceTypes/User" },
  { template: "{key}/Schemas" },
  { template: "{key}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User" },
  { template: "{key}/Bulk" },
  { template: "{key}/Me" },
  { template: "Users", shape: "Users" },
  { template: "Users/{person}", shape: "Users", id: "person" },
  { template: "Groups", shape: "Groups" },
  { template: "{other-key}/Users", shape: "Users" },
  { template: "{random-key}/Users", shape: "Users" },
  { template: "", shape: undefined },
];
/** The rest of the app: the fuzz must not find a 5xx there either. */
const appPaths = ["/api/health", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/callback/credentials", "/api/auth/signin", "/", "/sign-in", "/setup", "/people", "/activity", "/settings/integrations", "/api/nonexistent", "/api/scim"];

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];
const oddMethods = ["CONNECT", "PROPFIND", "FOO", "get", "G ET", "DELETE\u0000"];

export function* fuzzCases(fixtures: Fixtures, count: number, random: () => number): Generator<FuzzCase> {
  const auths = authorizations(fixtures.installed);
  const credentialKinds = [auths[0], auths[1], auths.find((a) => a.name === "bearer-garbage")!, auths.find((a) => a.name === "basic-wrong-app-key")!];
  let n = 0;
  // Every endpoint, every method, four kinds of credentials, a body shaped for the endpoint.
  for (const endpoint of endpoints) {
    for (const method of methods) {
      for (const auth of credentialKinds) {
        if (n >= count) return;
        yield build(fixtures, random, n++, { endpoint, method, auth });
      }
    }
  }
  for (const path of appPaths) {
    for (const method of methods) {
      if (n >= count) return;
      yield appCase(n++, method, path, pick(random, genericBodies()));
    }
  }
  while (n < count) {
    const i = n++;
    const roll = random();
    if (roll < 0.05) {
      yield appCase(i, pick(random, [...methods, ...oddMethods]), `${pick(random, appPaths)}${pick(random, ["", "/%ZZ", "/..%2f..%2fetc%2fpasswd", "?x=%00"])}`, pick(random, genericBodies()));
      continue;
    }
    const endpoint = pick(random, endpoints);
    const method = roll < 0.1 ? pick(random, oddMethods) : pick(random, methods);
    // Half the random cases carry valid credentials: the authenticated code paths are deeper.
    const auth = random() < 0.5 ? auths[random() < 0.8 ? 1 : 2] : pick(random, auths);
    yield build(fixtures, random, i, { endpoint, method, auth, mutate: true });
  }
}

type Choice = { endpoint: Endpoint; method: string; auth: Named<string | undefined> & { valid: boolean }; mutate?: boolean };

function build(fixtures: Fixtures, random: () => number, n: number, choice: Choice): FuzzCase {
  const { endpoint, method, auth } = choice;
  const { installed } = fixtures;
  const refs: string[] = [];
  const pieces = [`auth=${auth.name}`];
  const idFor = (kind: "person" | "group") => {
    // Only the doomed fixtures may be deleted, so the others stay alive for later cases.
    const pool = method === "DELETE" ? (kind === "person" ? fixtures.doomedPeople : fixtures.doomedGroups) : kind === "person" ? fixtures.people : fixtures.groups;
    const id = random() < 0.9 ? pick(random, pool) : randomUUID();
    refs.push(id);
    return id;
  };
  let path = endpoint.template
    .replace("{key}", installed.acme.appKey)
    .replace("{other-key}", installed.globex.appKey)
    .replace("{random-key}", randomUUID())
    .replace("{person}", () => idFor("person"))
    .replace("{group}", () => idFor("group"));
  let query = "";
  const headers: [string, string][] = [];
  let body: string | Buffer | undefined;
  let noContentLength = false;
  const odd = pick(random, oddStrings);
  const shape = method === "PATCH" && endpoint.id ? "patch" : endpoint.shape;
  const bodyPool = shape ? shapedBodies(shape, odd.value, [...fixtures.people.slice(0, 3), ...fixtures.groups.slice(0, 1)]) : [];

  if (!choice.mutate || random() < 0.6) {
    if (["POST", "PUT", "PATCH"].includes(method)) {
      const chosen = bodyPool.length && (!choice.mutate || random() < 0.6) ? pick(random, bodyPool) : pick(random, genericBodies());
      body = chosen.value;
      pieces.push(`body=${chosen.name}${chosen.name.includes("odd") ? `(${odd.name})` : ""}`);
    }
  }
  if (choice.mutate) {
    const mutation = random();
    if (mutation < 0.3) {
      const q = pick(random, queries(odd.value));
      query = q.value;
      pieces.push(`query=${q.name}${q.name.includes("odd") ? `(${odd.name})` : ""}`);
    } else if (mutation < 0.5) {
      const segment = pick(random, pathSegments);
      path = endpoint.id || random() < 0.5 ? `${path.replace(/\/[^/]*$/, "")}/${segment.value}` : `${segment.value}/${path}`;
      pieces.push(`path=${segment.name}`);
    } else if (mutation < 0.75) {
      const set = pick(random, headerSets);
      headers.push(...set.value);
      pieces.push(`headers=${set.name}`);
    } else if (mutation < 0.85) {
      const framing = pick(random, framings);
      headers.push(...framing.value);
      noContentLength = true;
      body ??= '{"userName":"framing"}';
      pieces.push(`framing=${framing.name}`);
    } else if (!body) {
      const chosen = pick(random, genericBodies());
      body = chosen.value;
      pieces.push(`body=${chosen.name}`);
    }
  }
  if (typeof body === "string") refs.push(...(body.match(UUID) ?? []));
  const requestId = `chaos-fuzz-${n}`;
  if (!headers.some(([name]) => name.toLowerCase() === "x-request-id")) headers.push(["X-Request-Id", requestId]);
  if (auth.value !== undefined) headers.push(["Authorization", auth.value]);
  if (body !== undefined && !headers.some(([name]) => name.toLowerCase() === "content-type")) headers.push(["Content-Type", "application/scim+json"]);
  const fullPath = `${SCIM}/${path}`.replace(/\/$/, "") + (query ? `?${query}` : "");
  return {
    method,
    path: fullPath,
    headers,
    body,
    noContentLength,
    label: `${method} /${endpoint.template} ${pieces.join(" ")}`,
    template: `${method} /${endpoint.template}`,
    validAuth: auth.valid,
    refs,
    requestId,
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function appCase(n: number, method: string, path: string, body: Named<string | Buffer>): FuzzCase {
  const requestId = `chaos-fuzz-${n}`;
  const hasBody = ["POST", "PUT", "PATCH"].includes(method);
  return {
    method,
    path,
    headers: [["X-Request-Id", requestId], ...(hasBody ? [["Content-Type", "application/json"] as [string, string]] : [])],
    body: hasBody ? body.value : undefined,
    label: `${method} ${path}${hasBody ? ` body=${body.name}` : ""}`,
    template: `${method} ${path.split("?")[0]}`,
    validAuth: false,
    refs: [],
    requestId,
  };
}
