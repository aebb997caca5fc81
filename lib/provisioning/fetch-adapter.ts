import { getDb, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { errorResponse, handleScimRequest, requestIdFrom } from "./handle-scim-request";
import { logScimError } from "./log-error";
import { readBoundedBody, type BoundedBody } from "./read-bounded-body";
import type { RequestGuards } from "./request-guards";
import { MAX_PAYLOAD_BYTES } from "@/lib/scim-limits";
import { SCIM_CONTENT_TYPE, type ScimResponse } from "./scim-request";

/** Reads at most MAX_PAYLOAD_BYTES of a body; a larger declared length is refused unread. */
async function readRequestBody(request: Request): Promise<BoundedBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_PAYLOAD_BYTES) return { body: null, tooLarge: true };
  if (!request.body) return { body: null, tooLarge: false };
  // Node's web streams are async iterable (breaking out cancels them); the DOM typings omit it.
  return readBoundedBody(request.body as unknown as AsyncIterable<Uint8Array>, "stop");
}

/**
 * The web-standard Request in, the web-standard Response out; everything between is plain
 * values. Whatever fails, the answer is a SCIM error with the request id, never Next's bare 500.
 */
export async function handleFetchRequest(request: Request, segments: string[], db?: Db, guards?: RequestGuards): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  let response: ScimResponse;
  try {
    const url = new URL(request.url);
    const { body, tooLarge } = await readRequestBody(request);
    response = await handleScimRequest(db ?? (await getDb()), {
      method: request.method.toUpperCase(),
      segments: segments.filter((s) => s !== ""),
      query: url.searchParams,
      headers: request.headers,
      body,
      bodyTooLarge: tooLarge,
      origin: env().APP_URL,
      requestId,
      sourceAddress: clientAddress(request.headers, env().TRUST_PROXY) ?? undefined,
    }, guards);
  } catch (error) {
    // Opening the database (or reading the body) failed before the request could be handled.
    response = errorResponse(error, { requestId, method: request.method.toUpperCase() });
    response.headers["x-request-id"] = requestId;
    response.headers["content-type"] = SCIM_CONTENT_TYPE;
  }
  if (response.stream) return new Response(toReadableStream(response.stream, requestId), { status: response.status, headers: response.headers });
  const payload = response.body === undefined ? null : JSON.stringify(response.body);
  return new Response(payload, { status: response.status, headers: response.headers });
}

/** Pulls the next chunk only when the client is ready for it, so memory stays flat. */
function toReadableStream(chunks: AsyncIterable<string>, requestId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        logScimError(requestId, "response stream failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
