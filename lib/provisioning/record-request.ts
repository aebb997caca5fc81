import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, scimRequests, tokens, type Integration } from "@/db/schema";
import { env } from "@/lib/env";
import { boundedBody, storable } from "./logged-body";
import type { RequestGuards } from "./request-guards";
import type { ScimRequest, ScimResponse } from "./scim-request";

export { redactBody } from "./logged-body";

/** Last-used times are written at most once a minute per token, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;
/** The integration's "last request" shown in the console is accurate to a few seconds. */
const LAST_REQUEST_INTERVAL_MS = 5_000;
/** Summaries of refused requests kept per integration (and for those naming none). */
export const MAX_SUMMARIES_KEPT = 10_000;
/** What a summary keeps of the path and the user agent. */
const SUMMARY_TEXT_LENGTH = 200;
let lastPrune = 0;

export type RequestLogInput = {
  request: ScimRequest;
  response: ScimResponse;
  integration?: Integration;
  /** Set when the credentials were accepted; otherwise only a bounded summary is kept. */
  tokenId?: string;
  tokenLastUsedAt: Date | null;
  /** Requests like this one that were counted but not logged (RequestGuards.admitSummary). */
  suppressed: number;
  latencyMs: number;
  ignored: string[];
};

/**
 * Writes the request's log row. A request whose credentials were not accepted keeps only a
 * summary: time, method, path, status, reason, source address and a short user agent; never
 * its query or body. A body is kept up to MAX_LOGGED_BODY_BYTES and within the tenant's
 * daily allowance (RequestGuards.allowBody).
 */
export async function recordRequest(db: Db, guards: RequestGuards, entry: RequestLogInput): Promise<void> {
  const { request, response, integration } = entry;
  const authenticated = entry.tokenId !== undefined;
  const error = response.status >= 400 ? (response.body as { scimType?: string; detail?: string } | undefined) : undefined;
  let detail = error?.detail ?? (entry.ignored.length ? `Ignored attributes: ${entry.ignored.join(", ")}` : null);
  if (entry.suppressed > 0) detail = `${detail ?? ""} (${entry.suppressed} similar requests before this one were counted, not logged one by one)`;
  const isWrite = request.method !== "GET" && request.method !== "HEAD";
  const logged = authenticated && response.status !== 429 && isWrite ? loggedBody(guards, integration!.tenantId, request.body) : null;
  await db.insert(scimRequests).values({
    tenantId: integration?.tenantId ?? null,
    integrationId: integration?.id ?? null,
    requestId: request.requestId,
    method: storable(request.method.slice(0, 16)),
    path: storable(`/${request.segments.join("/")}`.slice(0, authenticated ? undefined : SUMMARY_TEXT_LENGTH)),
    query: authenticated ? storable(request.query.toString()) : "",
    status: response.status,
    latencyMs: entry.latencyMs,
    scimType: error?.scimType ?? null,
    detail: detail === null ? null : storable(detail),
    userAgent: storable(request.headers.get("user-agent")?.slice(0, authenticated ? 500 : SUMMARY_TEXT_LENGTH) ?? "") || null,
    requestBody: logged?.body ?? null,
    bodyTruncated: logged?.truncated ?? false,
    authenticated,
    sourceAddress: request.sourceAddress ?? null,
  });
  const now = new Date();
  // The integration was read to authenticate: its last-request time is rewritten only when
  // that copy is older than the interval, not on every request of a busy sync.
  const lastRequest = integration?.lastRequestAt?.getTime() ?? 0;
  if (integration && authenticated && now.getTime() - lastRequest > LAST_REQUEST_INTERVAL_MS) {
    await db.update(integrations).set({ lastRequestAt: now }).where(eq(integrations.id, integration.id));
  }
  if (entry.tokenId && (!entry.tokenLastUsedAt || now.getTime() - entry.tokenLastUsedAt.getTime() > TOUCH_INTERVAL_MS)) {
    await db.update(tokens).set({ lastUsedAt: now }).where(eq(tokens.id, entry.tokenId));
  }
  if (now.getTime() - lastPrune > 60 * 60_000) {
    lastPrune = now.getTime();
    await pruneRequestLog(db, env().SCIM_LOG_RETENTION_DAYS);
  }
}

/** The body as the log keeps it, or a note of why it was not kept. */
function loggedBody(guards: RequestGuards, tenantId: string, body: string | null): { body: unknown; truncated: boolean } | null {
  const bounded = boundedBody(body);
  if (bounded.body === null) return null;
  const bytes = Buffer.byteLength(JSON.stringify(bounded.body));
  if (guards.allowBody(tenantId, bytes)) return bounded;
  return { body: { notKept: "this tenant's daily allowance of logged request bodies is used up" }, truncated: false };
}

/**
 * Deletes log entries older than the retention period (SCIM_LOG_RETENTION_DAYS, default 30),
 * and summaries of refused requests beyond the newest MAX_SUMMARIES_KEPT per integration.
 */
export async function pruneRequestLog(db: Db, days: number, keepSummaries = MAX_SUMMARIES_KEPT): Promise<void> {
  await db.delete(scimRequests).where(lt(scimRequests.createdAt, sql`now() - make_interval(days => ${days})`));
  const ranked = db
    .select({ id: scimRequests.id, rank: sql<number>`row_number() over (partition by ${scimRequests.integrationId} order by ${scimRequests.id} desc)`.as("rank") })
    .from(scimRequests)
    .where(eq(scimRequests.authenticated, false))
    .as("ranked");
  await db.delete(scimRequests).where(
    and(eq(scimRequests.authenticated, false), sql`${scimRequests.id} in (select ${ranked.id} from ${ranked} where ${ranked.rank} > ${keepSummaries})`),
  );
}
