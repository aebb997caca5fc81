import type { Db } from "@/db/client";
import type { Integration } from "@/db/schema";
import { recordScimRequest } from "@/lib/activity/record-scim-request";
import { noteIntegrationRequest } from "@/lib/integrations/note-integration-request";
import { noteTokenUsed } from "@/lib/tokens/note-token-used";
import { boundedBody, storable } from "./logged-body";
import type { RequestGuards } from "./request-guards";
import type { ScimRequest, ScimResponse } from "./scim-request";

/** What a summary keeps of the path and the user agent. */
const SUMMARY_TEXT_LENGTH = 200;

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
  /** The person a /Users/{id} request is about: its body is not kept if they were purged meanwhile. */
  aboutPersonId?: string;
};

/**
 * Logs the request under its integration and notes the integration's and the token's use. A
 * request whose credentials were not accepted keeps only a summary: time, method, path,
 * status, reason, source address and a short user agent; never its query or body. A body is
 * kept up to MAX_LOGGED_BODY_BYTES and within the tenant's daily allowance
 * (RequestGuards.allowBody).
 */
export async function recordRequest(db: Db, guards: RequestGuards, entry: RequestLogInput): Promise<void> {
  const { request, response, integration } = entry;
  const authenticated = entry.tokenId !== undefined;
  const error = response.status >= 400 ? (response.body as { scimType?: string; detail?: string } | undefined) : undefined;
  let detail = error?.detail ?? (entry.ignored.length ? `Ignored attributes: ${entry.ignored.join(", ")}` : null);
  if (entry.suppressed > 0) detail = `${detail ?? ""} (${entry.suppressed} similar requests before this one were counted, not logged one by one)`;
  const isWrite = request.method !== "GET" && request.method !== "HEAD";
  const logged = authenticated && response.status !== 429 && isWrite ? loggedBody(guards, integration!.tenantId, request.body) : null;
  await recordScimRequest(
    db,
    {
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
    },
    { aboutPersonId: entry.aboutPersonId },
  );
  if (!integration || !entry.tokenId) return;
  const now = new Date();
  await noteIntegrationRequest(db, integration, now);
  await noteTokenUsed(db, { id: entry.tokenId, lastUsedAt: entry.tokenLastUsedAt }, now);
}

/** The body as the log keeps it, or a note of why it was not kept. */
function loggedBody(guards: RequestGuards, tenantId: string, body: string | null): { body: unknown; truncated: boolean } | null {
  const bounded = boundedBody(body);
  if (bounded.body === null) return null;
  const bytes = Buffer.byteLength(JSON.stringify(bounded.body));
  if (guards.allowBody(tenantId, bytes)) return bounded;
  return { body: { notKept: "this tenant's daily allowance of logged request bodies is used up" }, truncated: false };
}
