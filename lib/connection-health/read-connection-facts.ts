import { and, asc, count, desc, eq, gt, gte, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, scimRequestHours, scimRequests, tokens } from "@/db/schema";
import { failedRequestSql } from "@/lib/activity/failed-request-sql";
import type { ConnectionFacts, FailureReason } from "./connection-state";

const HOUR_MS = 3_600_000;
const writeSql = sql`(${scimRequests.status} < 400 and ${scimRequests.method} in ('POST', 'PUT', 'PATCH', 'DELETE'))`;
const successSql = sql`not ${failedRequestSql()}`;

/** Entra's Test Connection probe: a GET of /Users filtered on a random userName (see e2e/scim-api.spec.ts). */
export function isTestConnectionProbe(row: { method: string; path: string; query: string }): boolean {
  return row.method === "GET" && /\/Users$/.test(row.path) && /filter=userName(\+|%20| )eq/i.test(row.query);
}

/**
 * Reads what an integration's connection state is derived from, without aggregating the raw
 * log beyond the last hour: the hourly rollup (scim_request_hours) says in which hour the
 * last failure, success and write were, and one bounded look into that hour's raw rows says
 * when exactly (the hour itself when the log was pruned meanwhile). Null for another
 * tenant's integration.
 */
export async function readConnectionFacts(db: Db, tenantId: string, integrationId: string, now: Date): Promise<ConnectionFacts | null> {
  const [integration] = await db
    .select({ provider: integrations.provider, status: integrations.status })
    .from(integrations)
    .where(and(eq(integrations.id, integrationId), eq(integrations.tenantId, tenantId)));
  if (!integration) return null;
  const mine = eq(scimRequests.integrationId, integrationId);
  const hourAgo = new Date(now.getTime() - HOUR_MS);

  const [[tokenFacts], [hours], [lastHour], topReasons] = await Promise.all([
    db
      .select({
        live: count(),
        neverExpires: sql<boolean>`coalesce(bool_or(${tokens.expiresAt} is null), false)`,
        latest: sql`max(${tokens.expiresAt})`.mapWith(tokens.expiresAt),
      })
      .from(tokens)
      .where(and(eq(tokens.tenantId, tenantId), eq(tokens.integrationId, integrationId), isNull(tokens.revokedAt))),
    db
      .select({
        firstSuccess: sql`min(${scimRequestHours.hour}) filter (where ${scimRequestHours.requests} > ${scimRequestHours.failures})`.mapWith(scimRequestHours.hour),
        lastRequest: sql`max(${scimRequestHours.hour})`.mapWith(scimRequestHours.hour),
        lastSuccess: sql`max(${scimRequestHours.hour}) filter (where ${scimRequestHours.requests} > ${scimRequestHours.failures})`.mapWith(scimRequestHours.hour),
        lastFailure: sql`max(${scimRequestHours.hour}) filter (where ${scimRequestHours.failures} > 0)`.mapWith(scimRequestHours.hour),
        lastWrite: sql`max(${scimRequestHours.hour}) filter (where ${scimRequestHours.writes} > 0)`.mapWith(scimRequestHours.hour),
      })
      .from(scimRequestHours)
      .where(and(eq(scimRequestHours.tenantId, tenantId), eq(scimRequestHours.integrationId, integrationId))),
    db
      .select({
        requests: count(),
        failures: sql<number>`count(*) filter (where ${failedRequestSql()})`.mapWith(Number),
        writes: sql<number>`count(*) filter (where ${writeSql})`.mapWith(Number),
      })
      .from(scimRequests)
      .where(and(mine, gt(scimRequests.createdAt, hourAgo), lte(scimRequests.createdAt, now))),
    topFailureReasons(db, integrationId, hourAgo, now),
  ]);

  const within = (hour: Date | null, condition: SQL, first = false) => (hour ? exactTime(db, integrationId, hour, condition, first) : Promise.resolve(null));
  const [firstSuccessAt, lastRequestAt, lastSuccessAt, lastFailureAt, lastWriteAt] = await Promise.all([
    within(hours.firstSuccess, successSql, true),
    within(hours.lastRequest, sql`true`),
    within(hours.lastSuccess, successSql),
    within(hours.lastFailure, failedRequestSql()),
    within(hours.lastWrite, writeSql),
  ]);
  const [first] = firstSuccessAt
    ? await db
        .select({ method: scimRequests.method, path: scimRequests.path, query: scimRequests.query })
        .from(scimRequests)
        .where(and(mine, gte(scimRequests.createdAt, firstSuccessAt), successSql))
        .orderBy(asc(scimRequests.createdAt))
        .limit(1)
    : [];

  return {
    provider: integration.provider,
    status: integration.status,
    liveTokens: tokenFacts.live,
    latestTokenExpiry: tokenFacts.neverExpires ? null : tokenFacts.latest,
    firstSuccessAt,
    firstSuccessWasProbe: first ? isTestConnectionProbe(first) : false,
    lastRequestAt,
    lastSuccessAt,
    lastFailureAt,
    lastWriteAt,
    hour: { requests: lastHour.requests, failures: lastHour.failures, writes: lastHour.writes },
    topReasons,
  };
}

/** The first or last matching request of one rolled-up hour, or the hour when its raw rows are gone. */
async function exactTime(db: Db, integrationId: string, hour: Date, condition: SQL, first: boolean): Promise<Date> {
  const [row] = await db
    .select({ at: scimRequests.createdAt })
    .from(scimRequests)
    .where(
      and(
        eq(scimRequests.integrationId, integrationId),
        gte(scimRequests.createdAt, hour),
        lt(scimRequests.createdAt, new Date(hour.getTime() + HOUR_MS)),
        condition,
      ),
    )
    .orderBy(first ? asc(scimRequests.createdAt) : desc(scimRequests.createdAt))
    .limit(1);
  return row?.at ?? hour;
}

/** The three commonest failures of the hour: a status and its SCIM error type, or its detail when it has none (401s). */
async function topFailureReasons(db: Db, integrationId: string, from: Date, to: Date): Promise<FailureReason[]> {
  const reason = sql<string>`coalesce(${scimRequests.scimType}, left(${scimRequests.detail}, 120), 'no detail')`;
  const rows = await db
    .select({ status: scimRequests.status, reason, count: count() })
    .from(scimRequests)
    .where(and(eq(scimRequests.integrationId, integrationId), gt(scimRequests.createdAt, from), lte(scimRequests.createdAt, to), failedRequestSql()))
    .groupBy(scimRequests.status, reason)
    .orderBy(desc(count()), asc(scimRequests.status))
    .limit(3);
  return rows.map((r) => ({ status: r.status, reason: r.reason, count: r.count }));
}
