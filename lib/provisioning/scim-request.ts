import type { Db } from "@/db/client";
import type { Integration } from "@/db/schema";
import type { Actor } from "@/lib/history/record-event";
import type { Prefetched } from "@/lib/scim-resources/find-live-resource";

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

/** What every endpoint needs: who is calling, for which integration, in which transaction scope. */
export type ScimContext = {
  db: Db;
  integration: Integration;
  tenantId: string;
  actor: Actor;
  /** `{origin}/api/scim/v2/{appKey}`: where this integration's resources live. */
  baseUrl: string;
  request: ScimRequest;
  /** Attribute paths a write ignored (unknown or read-only), for the request log. */
  ignored: string[];
  /** The resource the request names, read with its token; its first unlocked read takes it (findLiveResource). */
  prefetched?: Prefetched;
};

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";
