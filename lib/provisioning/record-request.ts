import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, scimRequests, tokens, type Integration } from "@/db/schema";
import { env } from "@/lib/env";
import type { ScimRequest, ScimResponse } from "./scim-request";

const SECRET_KEY = /password|secret|token/i;
/** Deeper parts of a logged body are cut off: the log needs the shape, not a hostile payload. */
const MAX_LOGGED_DEPTH = 16;

/**
 * The request body as logged: JSON with every password or secret value replaced, including
 * the value of a PATCH operation whose path names one (`"path": "password"`). A body that is
 * not JSON is kept as text with anything after a secret-looking key blanked out.
 */
export function redactBody(body: string | null): unknown {
  if (!body) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { unparsable: storable(body.slice(0, 2_000).replace(SECRET_IN_TEXT, "$1[redacted]")) };
  }
  const redact = (value: unknown, depth: number): unknown => {
    if (depth > MAX_LOGGED_DEPTH) return "[nested too deeply]";
    if (typeof value === "string") return storable(value);
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
    if (value && typeof value === "object") {
      const secretPath = "path" in value && typeof value.path === "string" && SECRET_KEY.test(value.path);
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          storable(k),
          SECRET_KEY.test(k) || (secretPath && k.toLowerCase() === "value") ? "[redacted]" : redact(v, depth + 1),
        ]),
      );
    }
    return value;
  };
  return redact(parsed, 0);
}

/** A secret-looking key and everything after it up to the next comma, brace or line end. */
const SECRET_IN_TEXT = /((?:password|secret|token)[^:]*:)[^,}\n]*/gi;

/** PostgreSQL text and jsonb take no NUL character and no lone surrogate. */
function storable(text: string): string {
  return text.replaceAll("\u0000", "\ufffd").toWellFormed();
}

/** Last-used times are written at most once a minute per token, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;
/** The integration's "last request" shown in the console is accurate to a few seconds. */
const LAST_REQUEST_INTERVAL_MS = 5_000;
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
    detail: detail === null ? null : storable(detail),
    userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null,
    requestBody: isWrite ? redactBody(request.body) : null,
  });
  const now = new Date();
  // The integration was read to authenticate: its last-request time is rewritten only when
  // that copy is older than the interval, not on every request of a busy sync.
  const lastRequest = integration?.lastRequestAt?.getTime() ?? 0;
  if (integration && response.status !== 401 && now.getTime() - lastRequest > LAST_REQUEST_INTERVAL_MS) {
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

/** Deletes log entries older than the retention period (SCIM_LOG_RETENTION_DAYS, default 30). */
export async function pruneRequestLog(db: Db, days: number): Promise<void> {
  await db.delete(scimRequests).where(lt(scimRequests.createdAt, sql`now() - make_interval(days => ${days})`));
}
