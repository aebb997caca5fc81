import type { Db } from "@/db/client";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";

/** One identity-provider request as a plain value: no framework types past this point. */
export type ScimRequest = {
  method: string;
  /** The path below /api/scim/v2, split on "/" (empty segments removed). */
  segments: string[];
  query: URLSearchParams;
  headers: Headers;
  /** The raw body, already bounded by MAX_PAYLOAD_BYTES; null when there was none. */
  body: string | null;
  /** Set when the body was over MAX_PAYLOAD_BYTES: it was not read, and the answer is 413. */
  bodyTooLarge?: boolean;
  /** The public origin the request came in on, for Location and meta.location. */
  origin: string;
  requestId: string;
  /** The client's address when a trusted proxy reported it (TRUST_PROXY); else unknown. */
  sourceAddress?: string;
};

export type ScimResponse = {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** JSON text written out as it is produced, instead of `body` (a large group's members). */
  stream?: AsyncIterable<string>;
};

/**
 * What every endpoint needs: the integration's scope (who is calling, for which integration,
 * and the resource read with the token), the database, and the request.
 */
export type ScimContext = IntegrationScope & {
  db: Db;
  request: ScimRequest;
  /** Attribute paths a write ignored (unknown or read-only), for the request log. */
  ignored: string[];
};

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";
