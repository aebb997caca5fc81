import { and, eq, lt, or, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, scimRequests, tokens, type Integration } from "@/db/schema";
import { env } from "@/lib/env";
import type { ScimRequest, ScimResponse } from "./scim-request";

const SECRET_KEY = /password|secret|token/i;

/** The request body as logged: JSON with every password or secret value replaced. */
export function redactBody(body: string | null): unknown {
  if (!body) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { unparsable: body.slice(0, 2_000) };
  }
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v)]),
      );
    }
    return value;
  };
  return redact(parsed);
}

/** Last-used times are written at most once a minute per token, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;
let lastPrune = 0;

export async function recordRequest(
  db: Db,
  entry: {
    request: ScimRequest;
    response: ScimResponse;
    integration?: Integration;
    tokenId?: string;
    tokenLastUsedAt: Date | null;
    latencyMs: number;
    ignored: string[];
  },
): Promise<void> {
  const { request, response, integration } = entry;
  const error = response.status >= 400 ? (response.body as { scimType?: string; detail?: string } | undefined) : undefined;
  const isWrite = request.method !== "GET" && request.method !== "HEAD";
  const detail = error?.detail ?? (entry.ignored.length ? `Ignored attributes: ${entry.ignored.join(", ")}` : null);
  await db.insert(scimRequests).values({
    tenantId: integration?.tenantId ?? null,
    integrationId: integration?.id ?? null,
    requestId: request.requestId,
    method: request.method,
    path: `/${request.segments.join("/")}`,
    query: request.query.toString(),
    status: response.status,
    latencyMs: entry.latencyMs,
    scimType: error?.scimType ?? null,
    detail,
    userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null,
    requestBody: isWrite ? redactBody(request.body) : null,
  });
  const now = new Date();
  if (integration && response.status !== 401) {
    await db
      .update(integrations)
      .set({ lastRequestAt: now })
      .where(and(eq(integrations.id, integration.id), or(isNull(integrations.lastRequestAt), lt(integrations.lastRequestAt, new Date(now.getTime() - 5_000)))));
  }
  if (entry.tokenId && (!entry.tokenLastUsedAt || now.getTime() - entry.tokenLastUsedAt.getTime() > TOUCH_INTERVAL_MS)) {
    await db.update(tokens).set({ lastUsedAt: now }).where(eq(tokens.id, entry.tokenId));
  }
  if (now.getTime() - lastPrune > 60 * 60_000) {
    lastPrune = now.getTime();
    await pruneRequestLog(db, env().SCIM_LOG_RETENTION_DAYS);
  }
}

/** Deletes log entries older than the retention period (SCIM_LOG_RETENTION_DAYS, default 30). */
export async function pruneRequestLog(db: Db, days: number): Promise<void> {
  await db.delete(scimRequests).where(lt(scimRequests.createdAt, sql`now() - make_interval(days => ${days})`));
}
