import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, scimRequests } from "@/db/schema";
import { countAll, pagedQuery, type Paged } from "@/lib/paged-query";
import { isUuid } from "@/lib/is-uuid";

export const requestMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RequestMethod = (typeof requestMethods)[number];

export type RequestLogQuery = {
  integrationId?: string;
  /** "failures": status 400 and above. */
  outcome?: "all" | "failures";
  method?: RequestMethod;
  /** One request by its X-Request-Id, as History names it. */
  requestId?: string;
  limit: number;
  offset: number;
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

/**
 * One page of the SCIM requests made to a tenant's integrations, newest first. The tenant is
 * in the WHERE, so another tenant's integration id as a filter matches nothing.
 */
export async function listRequestLog(
  db: Db,
  tenantId: string,
  query: RequestLogQuery,
): Promise<Paged<RequestLogRow>> {
  if (query.integrationId !== undefined && !isUuid(query.integrationId)) return { rows: [], total: 0 };
  const where = and(
    eq(scimRequests.tenantId, tenantId),
    query.integrationId ? eq(scimRequests.integrationId, query.integrationId) : undefined,
    query.outcome === "failures" ? gte(scimRequests.status, 400) : undefined,
    query.method ? eq(scimRequests.method, query.method) : undefined,
    query.requestId ? eq(scimRequests.requestId, query.requestId) : undefined,
  );
  return pagedQuery(db.select({ total: countAll }).from(scimRequests).where(where), query, (page) =>
    db
      .select(requestLogColumns)
      .from(scimRequests)
      .leftJoin(integrations, eq(integrations.id, scimRequests.integrationId))
      .where(where)
      .orderBy(desc(scimRequests.id))
      .limit(page.limit)
      .offset(page.offset),
  );
}
