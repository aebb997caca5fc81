import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, integrations, people, scimRequests } from "@/db/schema";
import { cappedPagedQuery, COUNT_CAP, type CappedPage } from "@/lib/paged-query";
import { isUuid } from "@/lib/is-uuid";
import { requestSubjects, subjectIdInPath, type RequestSubject } from "./internal/request-subjects";
import { failedRequestSql } from "./failed-request-sql";
import { requestOutcome, type RequestOutcome } from "./request-outcome";

export const requestMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RequestMethod = (typeof requestMethods)[number];

export type RequestLogQuery = {
  integrationId?: string;
  /** "failures": status 400 and above, routine 404 lookups aside (see request-outcome.ts). */
  outcome?: "all" | "failures";
  method?: RequestMethod;
  /** One status code (404), or a class: 4 for every 4xx. */
  status?: { code: number } | { class: number };
  /** Made at or after `from`, and before `until`. */
  from?: Date;
  until?: Date;
  /** A person's userName or email (or its beginning), or their id: the requests that addressed or changed them. */
  person?: string;
  /** One request by its X-Request-Id, as History names it. */
  requestId?: string;
  limit: number;
  offset: number;
  /** Stop counting past this many (COUNT_CAP unless a test says otherwise). */
  countCap?: number;
};

export type RequestLogRow = {
  id: number;
  requestId: string;
  integrationName: string | null;
  /** The integration's app key, the first segment of its keyed Tenant URL paths. */
  integrationKey: string | null;
  method: string;
  path: string;
  query: string;
  status: number;
  latencyMs: number;
  scimType: string | null;
  detail: string | null;
  /** False: refused before the credentials were accepted; the row is only a summary. */
  authenticated: boolean;
  /** The client's address, when a trusted proxy reported it. */
  sourceAddress: string | null;
  createdAt: Date;
};

/** A row of the Activity list, with the person or role it named or created, when still known. */
export type NamedRequestLogRow = RequestLogRow & {
  /** Who `/Users/{id}` or `/Groups/{id}` in the path is. */
  subject: RequestSubject | null;
  /** Who a successful POST created. */
  created: RequestSubject | null;
  /** Failed, routine (Entra's 404 lookups) or a success. */
  outcome: RequestOutcome;
};

export type { RequestSubject };

/** What a log row shows, read with the integration joined (left: it may have been removed). */
export const requestLogColumns = {
  id: scimRequests.id,
  requestId: scimRequests.requestId,
  integrationName: integrations.name,
  integrationKey: integrations.appKey,
  method: scimRequests.method,
  path: scimRequests.path,
  query: scimRequests.query,
  status: scimRequests.status,
  latencyMs: scimRequests.latencyMs,
  scimType: scimRequests.scimType,
  detail: scimRequests.detail,
  authenticated: scimRequests.authenticated,
  sourceAddress: scimRequests.sourceAddress,
  createdAt: scimRequests.createdAt,
};

/** At most this many people match a person search; past that the admin types more of the name. */
const PEOPLE_PER_SEARCH = 50;

/**
 * The requests about the people a search names: those whose path is `/Users/{id}` (reads,
 * PATCH, PUT, DELETE; indexed by the path's trailing id) and those that changed them (their
 * History events carry the request id, as creations do). Gathered into an array first: as a
 * plain OR, the planner walks the whole log newest first hoping to fill a page early.
 */
function aboutPerson(tenantId: string, search: string) {
  const term = search.toLowerCase();
  const prefix = `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byId = isUuid(search) ? sql`${people.id} = ${term}::uuid or ` : sql``;
  const matching = sql`select ${people.id} from ${people} where ${people.tenantId} = ${tenantId} and ${people.purgedAt} is null and (${byId}
    (lower(${people.userName}) collate "C") like ${prefix} or (lower(${people.primaryEmail}) collate "C") like ${prefix}) limit ${PEOPLE_PER_SEARCH}`;
  return sql`${scimRequests.id} = any(array(select ${scimRequests.id} from ${scimRequests} where ${scimRequests.tenantId} = ${tenantId} and (
    (${scimRequests.path} ~ '/Users/[^/]+$' and right(${scimRequests.path}, 36) = any(array(select p.id::text from (${matching}) as p)))
    or ${scimRequests.requestId} = any(array(select ${events.requestId} from ${events}
      where ${events.tenantId} = ${tenantId} and ${events.subjectType} = 'person' and ${events.requestId} is not null
        and ${events.subjectId} = any(array(select p.id from (${matching}) as p)))))))`;
}

/**
 * One page of the SCIM requests made to a tenant's integrations, newest first. The tenant is
 * in the WHERE, so another tenant's integration id as a filter matches nothing. `total` is
 * exact up to the count cap, as People's is; `capped` says there are more.
 */
export async function listRequestLog(
  db: Db,
  tenantId: string,
  query: RequestLogQuery,
): Promise<CappedPage<NamedRequestLogRow>> {
  if (query.integrationId !== undefined && !isUuid(query.integrationId)) return { rows: [], total: 0, capped: false };
  const where = and(
    eq(scimRequests.tenantId, tenantId),
    query.integrationId ? eq(scimRequests.integrationId, query.integrationId) : undefined,
    query.outcome === "failures" ? failedRequestSql() : undefined,
    query.method ? eq(scimRequests.method, query.method) : undefined,
    query.requestId ? eq(scimRequests.requestId, query.requestId) : undefined,
    query.status && "code" in query.status ? eq(scimRequests.status, query.status.code) : undefined,
    query.status && "class" in query.status
      ? and(gte(scimRequests.status, query.status.class * 100), lt(scimRequests.status, query.status.class * 100 + 100))
      : undefined,
    query.from ? gte(scimRequests.createdAt, query.from) : undefined,
    query.until ? lt(scimRequests.createdAt, query.until) : undefined,
    query.person ? aboutPerson(tenantId, query.person) : undefined,
  );
  const page = await cappedPagedQuery(db, { table: scimRequests, where }, query.countCap ?? COUNT_CAP, query, (page) =>
    db
      .select(requestLogColumns)
      .from(scimRequests)
      .leftJoin(integrations, eq(integrations.id, scimRequests.integrationId))
      .where(where)
      .orderBy(desc(scimRequests.id))
      .limit(page.limit)
      .offset(page.offset),
  );
  const { byId, createdBy } = await requestSubjects(db, tenantId, page.rows);
  return {
    total: page.total,
    capped: page.capped,
    rows: page.rows.map((row) => ({
      ...row,
      subject: byId.get(subjectIdInPath(row.path)?.id ?? "") ?? null,
      created: createdBy.get(row.requestId) ?? null,
      outcome: requestOutcome(row),
    })),
  };
}
