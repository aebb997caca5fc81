import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations } from "@/db/schema";
import { isPersonPurged } from "@/lib/people/is-person-purged";
import { ScimError } from "@/lib/scim/errors";
import { authenticate, type Authenticated } from "./authenticate";
import { dispatch } from "./dispatch";
import { recordRequest } from "./record-request";
import { retryOnConflict } from "./retry-on-conflict";
import { MAX_PAYLOAD_BYTES, SCIM_CONTENT_TYPE, type ScimContext, type ScimRequest, type ScimResponse } from "./scim-request";
import { parseScimRoute } from "./scim-route";

/**
 * What one identity-provider request does: authenticate the token to an integration, run
 * the endpoint, answer a SCIM error for anything refused, and log the request under its
 * integration (failed ones too: they are what an admin most needs to see).
 */
export async function handleScimRequest(db: Db, request: ScimRequest): Promise<ScimResponse> {
  const started = performance.now();
  let auth: Authenticated | undefined;
  let appKey: string | undefined;
  let userId: string | undefined;
  const ignored: string[] = [];
  let response: ScimResponse;
  try {
    const route = parseScimRoute(request.segments);
    appKey = route.appKey;
    if (route.resource === "Users") userId = route.id;
    auth = await authenticate(db, request.headers.get("authorization"), route.appKey);
    if (request.bodyTooLarge) {
      throw new ScimError(413, undefined, `The body is larger than ${MAX_PAYLOAD_BYTES} bytes; it was not read`);
    }
    const context: ScimContext = {
      db,
      integration: auth.integration,
      tenantId: auth.integration.tenantId,
      actor: { type: "integration", id: auth.integration.id, label: auth.integration.name, requestId: request.requestId },
      baseUrl: `${request.origin}/api/scim/v2/${auth.integration.appKey}`,
      request,
      ignored,
    };
    response = await retryOnConflict(() => {
      ignored.length = 0;
      return dispatch(context, route);
    });
  } catch (error) {
    response = errorResponse(error, request.requestId);
  }
  response.headers["x-request-id"] = request.requestId;
  if (response.body !== undefined || response.stream) response.headers["content-type"] = SCIM_CONTENT_TYPE;
  if (response.status === 401) response.headers["www-authenticate"] = 'Bearer realm="SCIM", Basic realm="SCIM"';
  const integration = auth?.integration ?? (appKey ? await integrationByKey(db, appKey) : undefined);
  const latencyMs = Math.round(performance.now() - started);
  await db
    .transaction(async (tx) => {
      // A write to a person purged meanwhile is logged without its body (see isPersonPurged).
      const purged = userId && integration && request.body ? await isPersonPurged(tx, integration.tenantId, userId) : false;
      await recordRequest(tx, {
        request: purged ? { ...request, body: null } : request,
        response,
        integration,
        tokenId: auth?.token.id,
        tokenLastUsedAt: auth?.token.lastUsedAt ?? null,
        latencyMs,
        ignored,
      });
    })
    .catch((error: unknown) => console.error(`[scim ${request.requestId}] request log not written`, error));
  return response;
}

function errorResponse(error: unknown, requestId: string): ScimResponse {
  if (error instanceof ScimError) return { status: error.status, headers: { ...error.headers }, body: error.toBody() };
  console.error(`[scim ${requestId}]`, error);
  const internal = new ScimError(500, undefined, `Internal error; quote request id ${requestId} to support. Nothing was changed.`);
  return { status: 500, headers: {}, body: internal.toBody() };
}

async function integrationByKey(db: Db, appKey: string) {
  const [row] = await db.select().from(integrations).where(eq(integrations.appKey, appKey)).limit(1);
  return row;
}

/** A client's X-Request-Id is kept when it is a sane token, so both sides can correlate. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id") ?? headers.get("client-request-id");
  return given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}
