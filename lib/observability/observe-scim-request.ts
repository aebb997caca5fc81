import { parseScimRoute } from "@/lib/provisioning/scim-route";
import { logger } from "./logger";
import { metrics } from "./metrics";

export type ScimRequestFacts = {
  requestId: string;
  method: string;
  /** The path below /api/scim/v2, as received. */
  segments: string[];
  status: number;
  latencyMs: number;
  /** Set only when the credentials were accepted: an unauthenticated caller names nothing here. */
  tenantId?: string;
  integrationId?: string;
};

const KNOWN_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/**
 * The route a SCIM path matched, without the app key and ids: `/Users/{id}`, `/Groups`,
 * `/Users/.search`. A path that matches none is `unmatched`, so neither a log line nor a
 * metric label carries what a caller put in the URL.
 */
export function scimRoutePattern(segments: string[]): string {
  try {
    const route = parseScimRoute(segments);
    if (route.resource === "Root") return "/.search";
    if (route.search) return `/${route.resource}/.search`;
    return route.id === undefined ? `/${route.resource}` : `/${route.resource}/{id}`;
  } catch {
    return "unmatched";
  }
}

/** Writes the request's log line and counts it in the metrics. */
export function observeScimRequest(facts: ScimRequestFacts): void {
  const method = KNOWN_METHODS.has(facts.method) ? facts.method : "OTHER";
  const statusClass = `${Math.floor(facts.status / 100)}xx`;
  const route = scimRoutePattern(facts.segments);
  const latencyMs = Math.round(facts.latencyMs * 10) / 10;
  const level = facts.status >= 500 ? "error" : "info";
  logger()[level](
    {
      requestId: facts.requestId,
      tenantId: facts.tenantId ?? null,
      integrationId: facts.integrationId ?? null,
      method,
      route,
      status: facts.status,
      latencyMs,
    },
    "scim request",
  );
  const { scimRequests, scimLatency } = metrics();
  scimRequests.inc({ integration: facts.integrationId ?? "none", method, status_class: statusClass });
  scimLatency.observe({ method, status_class: statusClass }, facts.latencyMs / 1000);
}
