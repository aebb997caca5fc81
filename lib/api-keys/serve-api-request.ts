import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { authenticateApiKey } from "./authenticate-api-key";

/** What an /api/v1 endpoint is given: the key's tenant and the request's query string. */
export type ApiRequest = { db: Db; tenantId: string; query: Record<string, string> };

/** Every /api/v1 error body. */
export const apiErrorSchema = z
  .object({
    code: z.string().describe("unauthorized, rate_limited, bad_input, not_found, cursor_expired or internal_error"),
    message: z.string().describe("What went wrong, fit to show a person (a bad_input names the parameter)"),
  })
  .describe("An error");

function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ code, message } satisfies z.output<typeof apiErrorSchema>, { status, headers: { "cache-control": "no-store", ...headers } });
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Serves one /api/v1 request: the Bearer key names the tenant and takes one request from its
 * allowance (429 with Retry-After past it); `endpoint` answers with a JSON body. Errors are
 * JSON `{code, message}`: 401 for a missing, unknown or revoked key, AppError codes at their
 * status (bad_input 400, not_found 404, cursor_expired 410), anything else 500 with a reference, logged.
 */
export async function serveApiRequest(
  db: Db,
  request: Request,
  endpoint: (request: ApiRequest) => Promise<unknown>,
  /** The allowance's clock: tests hold it still. */
  now = new Date(),
): Promise<Response> {
  const secret = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  const unauthorized = () => apiError(401, "unauthorized", "Send a valid API key as Authorization: Bearer <key>", { "www-authenticate": 'Bearer realm="api"' });
  if (!secret) return unauthorized();
  try {
    const check = await authenticateApiKey(db, secret, now);
    if (!check.ok && check.reason === "unknown") return unauthorized();
    if (!check.ok) {
      const wait = String(check.retryAfterSeconds);
      return apiError(429, "rate_limited", `Too many requests with this key; retry in ${wait} s`, { "retry-after": wait });
    }
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const body = await endpoint({ db, tenantId: check.tenantId, query });
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return apiError(error.status, error.code, error.message);
    const reference = randomUUID();
    console.error(`[api ${reference}] ${request.method} ${new URL(request.url).pathname}:`, error);
    return apiError(500, "internal_error", `Something went wrong on our side (reference ${reference})`);
  }
}
