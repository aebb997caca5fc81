import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { findIntegrationByAppKey } from "@/lib/integrations/find-integration-by-app-key";
import { ScimError } from "@/lib/scim/errors";
import { innermostCause } from "@/lib/errors";
import { groups, people } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";
import { groupsLookup } from "@/lib/groups/filter-groups";
import { peopleLookup } from "@/lib/people/filter-people";
import type { Lookup } from "@/lib/scim-resources/filter-resources";
import type { ListQuery } from "@/lib/scim/list-response";
import { authenticate, type Authenticated, type ReadFirst } from "./authenticate";
import { isDatabaseUnavailable } from "./database-unavailable";
import { dispatch } from "./dispatch";
import { observeScimRequest } from "@/lib/observability/observe-scim-request";
import { logScimError } from "./log-error";
import { recordRequest } from "./record-request";
import { readListQuery } from "./resource-endpoint";
import { checkBodySize } from "./request-body";
import { processGuards, type RequestGuards } from "./request-guards";
import { retryOnConflict } from "./retry-on-conflict";
import { SCIM_CONTENT_TYPE, type ScimContext, type ScimRequest, type ScimResponse } from "./scim-request";
import { appKeyOf, parseScimRoute, type ScimRoute } from "./scim-route";

/**
 * What one identity-provider request does: hold back an address whose authentications keep
 * failing, authenticate the token to an integration, apply the integration's rate limit, run
 * the endpoint, answer a SCIM error for anything refused, and log the request under its
 * integration (failed ones too: they are what an admin most needs to see).
 */
export async function handleScimRequest(db: Db, request: ScimRequest, guards: RequestGuards = processGuards()): Promise<ScimResponse> {
  const started = performance.now();
  let auth: Authenticated | undefined;
  let appKey: string | undefined;
  let userId: string | undefined;
  let throttled = false;
  const ignored: string[] = [];
  let response: ScimResponse;
  try {
    appKey = appKeyOf(request.segments);
    const route = parseScimRoute(request.segments);
    if (route.resource === "Users") userId = route.id;
    auth = await authenticateGuarded(db, request, route, guards, { remembered: confirmsCredentials(request, route) });
    const wait = guards.integrationWait(auth.integration);
    if (wait > 0) {
      throttled = true;
      const perSecond = auth.integration.rateLimitPerSecond ?? guards.limits.integrationPerSecond;
      throw tooManyRequests(`This integration may make ${perSecond} requests per second; retry in ${wait} s`, wait);
    }
    checkBodySize(request);
    const [outcome] = await Promise.allSettled([runAs(db, request, route, auth, ignored)]);
    if (auth.unconfirmed && !auth.unconfirmed.confirmed) {
      // Nothing was done on the remembered credentials: read them, and run the request on
      // those. Until they are read, the request is not authenticated (a 401 is logged as one).
      auth = undefined;
      auth = await authenticateGuarded(db, request, route, guards);
      response = await runAs(db, request, route, auth, ignored);
    } else if (outcome.status === "fulfilled") response = outcome.value;
    else throw outcome.reason;
  } catch (error) {
    response = errorResponse(error, request);
  }
  response.headers["x-request-id"] = request.requestId;
  if (response.body !== undefined || response.stream) response.headers["content-type"] = SCIM_CONTENT_TYPE;
  if (response.status === 401) response.headers["www-authenticate"] = 'Bearer realm="SCIM", Basic realm="SCIM"';
  observeScimRequest({
    requestId: request.requestId,
    method: request.method,
    segments: request.segments,
    status: response.status,
    latencyMs: performance.now() - started,
    tenantId: auth?.integration.tenantId,
    integrationId: auth?.integration.id,
  });
  // With the database unreachable the log cannot be written either; the console has the error.
  if (response.status === 503) return response;
  // Requests refused before any work are sampled before the database is asked anything, so
  // a flood costs no query for its log.
  const sample = !auth || throttled ? guards.admitSummary(`${auth ? "throttled" : "refused"}:${appKey ?? ""}`) : undefined;
  if (sample && !sample.admitted) return response;
  try {
    const integration = auth?.integration ?? (appKey ? await findIntegrationByAppKey(db, appKey) : undefined);
    await recordRequest(db, guards, {
      request,
      response,
      integration,
      tokenId: auth?.token.id,
      tokenLastUsedAt: auth?.token.lastUsedAt ?? null,
      suppressed: sample?.suppressed ?? 0,
      latencyMs: Math.round(performance.now() - started),
      ignored,
      aboutPersonId: userId,
    });
  } catch (error) {
    logScimError(request.requestId, "request log not written", error);
  }
  return response;
}

/** Runs the request's endpoint as `auth`'s integration, again after a deadlock (retryOnConflict). */
function runAs(db: Db, request: ScimRequest, route: ScimRoute, auth: Authenticated, ignored: string[]): Promise<ScimResponse> {
  const context: ScimContext = {
    db,
    integration: auth.integration,
    tenantId: auth.integration.tenantId,
    actor: { type: "integration", id: auth.integration.id, label: auth.integration.name, requestId: request.requestId },
    baseUrl: `${request.origin}/api/scim/v2/${auth.integration.appKey}`,
    request,
    ignored,
    prefetched: auth.prefetched,
    unconfirmed: auth.unconfirmed,
  };
  return retryOnConflict(() => {
    ignored.length = 0;
    return dispatch(context, route);
  });
}

/**
 * Whether the request's one write confirms its credentials in its own statement, so it may
 * start on the ones this process remembers (authenticate): a POST of a User, the write an
 * identity provider sends most (createPerson).
 */
function confirmsCredentials(request: ScimRequest, route: ScimRoute): boolean {
  return request.method === "POST" && route.resource === "Users" && route.id === undefined && !route.search;
}

/**
 * Looks the credentials up unless the caller's address has failed too often lately (then
 * 429 without touching the database), and counts a failure against that address. Without a
 * trusted proxy every caller shares one address; a credential that worked passes anyway.
 */
async function authenticateGuarded(db: Db, request: ScimRequest, route: ScimRoute, guards: RequestGuards, options: { remembered?: boolean } = {}) {
  const address = request.sourceAddress ?? "unknown";
  const authorization = request.headers.get("authorization");
  const wait = guards.failedAuthWait(address, authorization);
  if (wait > 0) {
    const from = request.sourceAddress ? `from ${request.sourceAddress}` : "from unidentified addresses";
    throw tooManyRequests(`Too many failed authentications ${from}; retry in ${wait} s`, wait);
  }
  try {
    const authenticated = await authenticate(db, authorization, route.appKey, readFirst(request, route), options);
    guards.recordAuthenticated(authorization!);
    return authenticated;
  } catch (error) {
    if (error instanceof ScimError && error.status === 401) guards.recordFailedAuth(address);
    throw error;
  }
}

/**
 * What a request reads first, unlocked and before writing anything, so it can be read with
 * the token (see authenticate): the lookup a GET of Users or Groups by `attr eq "value"` is
 * (the read an identity provider sends before almost every write); the resource a PATCH or
 * PUT of a User names, whose write reads it unlocked first (writeOptimistically); and the
 * Group a GET or a PATCH without If-Match names (patchGroup). Other requests read it locked,
 * with their related data, or not at all.
 */
function readFirst(request: ScimRequest, route: ScimRoute): ReadFirst | undefined {
  const { method } = request;
  if (method === "GET" && !route.search && route.id === undefined) return listLookup(route.resource, request.query);
  if (route.search || !route.id || !isUuid(route.id)) return undefined;
  if (route.resource === "Users" && (method === "PATCH" || method === "PUT")) return { table: people, id: route.id };
  if (route.resource === "Groups" && (method === "GET" || (method === "PATCH" && !request.headers.has("if-match")))) {
    return { table: groups, id: route.id };
  }
  return undefined;
}

/** The lookup a GET of a list is, or undefined: another shape, or a query its endpoint will refuse. */
function listLookup(resource: ScimRoute["resource"], params: URLSearchParams): Lookup | undefined {
  if (resource !== "Users" && resource !== "Groups") return undefined;
  let query: ListQuery;
  try {
    query = readListQuery(params);
  } catch {
    return undefined;
  }
  return resource === "Users" ? peopleLookup(query) : groupsLookup(query);
}

/** RFC 6585 section 4: 429 with Retry-After. */
function tooManyRequests(detail: string, retryAfterSeconds: number): ScimError {
  return new ScimError(429, undefined, detail, { "retry-after": String(retryAfterSeconds) });
}

export function errorResponse(error: unknown, request: { requestId: string; method: string }): ScimResponse {
  if (error instanceof ScimError) return { status: error.status, headers: { ...error.headers }, body: error.toBody() };
  const { requestId } = request;
  // A read changed nothing; a write may have committed before the failure: say only that.
  const outcome = request.method === "GET" || request.method === "HEAD"
    ? "Nothing was changed."
    : "Whether its changes were saved is not known: read the resource before retrying.";
  if (isDatabaseUnavailable(error)) {
    // The connection error is what an operator needs; the query and its parameters are not.
    logScimError(requestId, "database unavailable", innermostCause(error));
    const unavailable = new ScimError(503, undefined, `The database is unavailable or did not answer in time; retry later, or quote request id ${requestId} to support. ${outcome}`);
    return { status: 503, headers: { "retry-after": "30" }, body: unavailable.toBody() };
  }
  logScimError(requestId, "internal error", error);
  const internal = new ScimError(500, undefined, `Internal error; quote request id ${requestId} to support. ${outcome}`);
  return { status: 500, headers: {}, body: internal.toBody() };
}

/** A client's X-Request-Id is kept when it is a sane token, so both sides can correlate. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id") ?? headers.get("client-request-id");
  return given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}
