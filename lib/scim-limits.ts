/**
 * The limits of this SCIM service provider, defined once: the request checks enforce these
 * numbers and /ServiceProviderConfig advertises the same ones (RFC 7643 section 5). Pure
 * constants, so the services and the request plumbing both read them.
 */

/** The largest request body read; a larger one is answered 413 unread (bulk.maxPayloadSize). */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

/** The most resources one list page returns (filter.maxResults). */
export const MAX_RESULTS = 1000;

/** The page size of a list that names no `count`. */
export const DEFAULT_COUNT = 100;

/**
 * The most operations one request may carry: a PATCH's Operations. /ServiceProviderConfig
 * gives the same number as bulk.maxOperations, though bulk itself is not supported.
 */
export const MAX_OPERATIONS = 1000;

/** Deeper than any SCIM resource or PATCH request nests; deeper would overflow recursive code. */
export const MAX_JSON_DEPTH = 32;
