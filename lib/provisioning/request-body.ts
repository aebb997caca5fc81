import { invalidSyntax, invalidValue, ScimError } from "@/lib/scim/errors";
import { MAX_JSON_DEPTH, MAX_PAYLOAD_BYTES } from "@/lib/scim-limits";
import type { ScimRequest } from "./scim-request";

/**
 * 413 for a body over MAX_PAYLOAD_BYTES: one the adapter stopped reading (`bodyTooLarge`), or
 * one handed over whole that is too long anyway. Checked once per request, after the token is
 * accepted and before any endpoint parses the body.
 */
export function checkBodySize(request: ScimRequest): void {
  if (request.bodyTooLarge || (request.body !== null && Buffer.byteLength(request.body) > MAX_PAYLOAD_BYTES)) {
    throw new ScimError(413, undefined, `The body is larger than ${MAX_PAYLOAD_BYTES} bytes; it was not read`);
  }
}

/**
 * The JSON body of a write. application/scim+json is the RFC's type (RFC 7644 section 3.1);
 * application/json and a missing type are accepted too, since clients send both.
 */
export function readJsonBody(request: ScimRequest): unknown {
  if (request.body === null || request.body.trim() === "") throw invalidSyntax("The request has no body; send a JSON object");
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type && type !== "application/json" && type !== "application/scim+json" && !type.endsWith("+json")) {
    throw new ScimError(415, undefined, `Content-Type ${type} is not accepted; send application/scim+json`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch (error) {
    throw invalidSyntax(`The body is not valid JSON: ${(error as Error).message}`);
  }
  checkStorable(parsed);
  return parsed;
}

/**
 * Refuses what PostgreSQL cannot store (text and jsonb take no NUL character and no lone
 * UTF-16 surrogate) and absurd nesting, with a 400 instead of a failed query. Iterative, so a
 * hostile body cannot overflow the stack here either.
 */
function checkStorable(value: unknown): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > MAX_JSON_DEPTH) throw invalidSyntax(`The body nests deeper than ${MAX_JSON_DEPTH} levels`);
    const items = typeof next.value === "object" && next.value !== null ? Object.entries(next.value) : [];
    for (const text of typeof next.value === "string" ? [next.value] : items.map(([key]) => key)) {
      if (text.includes("\u0000") || !text.isWellFormed()) {
        throw invalidValue("The body contains a NUL character or a lone surrogate, which cannot be stored");
      }
    }
    for (const [, item] of items) pending.push({ value: item, depth: next.depth + 1 });
  }
}
