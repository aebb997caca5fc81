import { once } from "node:events";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { getDb, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { apiContentSecurityPolicy, staticSecurityHeaders } from "@/lib/http/security-headers";
import { errorResponse, handleScimRequest, requestIdFrom } from "./handle-scim-request";
import { logScimError } from "./log-error";
import { readBoundedBody, type BoundedBody } from "./read-bounded-body";
import { SCIM_CONTENT_TYPE, type ScimRequest, type ScimResponse } from "./scim-request";

const SCIM_PREFIX = "/api/scim/v2";
/** Methods a web Request cannot carry (Fetch standard, forbidden methods): Next answers them 500. */
const UNREPRESENTABLE = new Set(["CONNECT", "TRACE", "TRACK"]);
/** What the SCIM endpoints answer; HEAD and OPTIONS stay with Next's route (it derives them). */
const SCIM_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
/** The headers next.config.ts gives every API response, for the responses Next never sees. */
const API_HEADERS: Record<string, string> = Object.fromEntries([
  ...staticSecurityHeaders.map((h) => [h.key, h.value]),
  ["Content-Security-Policy", apiContentSecurityPolicy],
]);

/**
 * Requests Next fails before any route runs: a forbidden method (TRACE) or a percent-escape
 * that does not decode (`/Users/%ZZ`). Next answers both with a bare 500 and, for the escape,
 * logs nothing, so an identity provider's broken request would never reach the Activity page.
 */
export function isUnroutable(method: string | undefined, url: string | undefined): boolean {
  if (UNREPRESENTABLE.has((method ?? "").toUpperCase())) return true;
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

function isScimPath(path: string): boolean {
  return path === SCIM_PREFIX || path.startsWith(`${SCIM_PREFIX}/`);
}

/**
 * Serves the SCIM API from Node's HTTP server, before Next routes the request. SCIM is a
 * machine API that renders no page: Next's routing, its Web-stream plumbing and its
 * response compression were most of what a lookup cost.
 * The route handler in app/api/scim stays the same endpoint, through the same
 * handleScimRequest, wherever this server is not in front (HEAD and OPTIONS, `next dev`
 * under another server). Requests Next cannot route at all are answered here too: under
 * /api/scim/v2 as SCIM errors, logged like any other; elsewhere with a plain 405 or 400.
 * Installed once, when the Node server starts.
 */
export function serveScimBeforeNext(openDb: () => Promise<Db> = getDb): void {
  const marked = Server.prototype as Server & { scimBeforeNext?: true };
  if (marked.scimBeforeNext) return;
  marked.scimBeforeNext = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const method = (request.method ?? "").toUpperCase();
      const path = (request.url ?? "/").split("?", 1)[0];
      const unroutable = isUnroutable(method, request.url);
      if (isScimPath(path) && (unroutable || SCIM_METHODS.has(method))) {
        answerScim(request, response, openDb).catch(() => response.destroy());
        return true;
      }
      if (unroutable) {
        answerUnroutable(request, response, method);
        return true;
      }
    }
    return (emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof Server.prototype.emit;
}

function answerUnroutable(request: IncomingMessage, response: ServerResponse, method: string): void {
  const [status, text] = UNREPRESENTABLE.has(method) ? [405, `${method} is not allowed`] : [400, "The URL has a malformed percent-escape"];
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...(status === 405 ? { allow: "GET, HEAD, POST" } : {}) });
  response.end(text);
  request.resume();
}

async function answerScim(request: IncomingMessage, response: ServerResponse, openDb: () => Promise<Db>): Promise<void> {
  const [path, query = ""] = (request.url ?? "/").split(/\?(.*)/s, 2);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const requestId = requestIdFrom(headers);
  const method = (request.method ?? "").toUpperCase();
  let result: ScimResponse;
  try {
    const read = await readClientBody(request);
    if (!read) {
      response.destroy();
      return;
    }
    const { body, tooLarge } = read;
    const scimRequest: ScimRequest = {
      method,
      // Raw segments: the SCIM route decodes each one and answers a malformed escape with 404.
      segments: path.slice(SCIM_PREFIX.length).split("/").filter((s) => s !== ""),
      query: new URLSearchParams(query),
      headers,
      body,
      bodyTooLarge: tooLarge,
      origin: env().APP_URL,
      requestId,
      sourceAddress: clientAddress(headers, env().TRUST_PROXY) ?? undefined,
    };
    result = await handleScimRequest(await openDb(), scimRequest);
  } catch (error) {
    result = errorResponse(error, { requestId, method });
    result.headers["x-request-id"] = requestId;
    result.headers["content-type"] = SCIM_CONTENT_TYPE;
  }
  if (result.stream) {
    response.writeHead(result.status, { ...API_HEADERS, ...result.headers });
    await writeStream(result.stream, response, requestId);
    return;
  }
  const payload = result.body === undefined ? undefined : JSON.stringify(result.body);
  const length = payload === undefined ? {} : { "content-length": String(Buffer.byteLength(payload)) };
  response.writeHead(result.status, { ...API_HEADERS, ...result.headers, ...length });
  response.end(payload);
}

/**
 * The request's body, or null when the client closed the connection before sending all of
 * it: nothing was asked, so there is nobody to answer and nothing to log as a failure.
 */
export async function readClientBody(request: IncomingMessage): Promise<BoundedBody | null> {
  try {
    return await readBoundedBody(request, "drain");
  } catch (error) {
    if (request.destroyed || request.readableAborted) return null;
    throw error;
  }
}

/** Writes a streamed body at the pace the client reads it; a client that leaves stops it. */
async function writeStream(chunks: AsyncIterable<string>, response: ServerResponse, requestId: string): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (response.destroyed) return;
      if (!response.write(chunk)) await Promise.race([once(response, "drain"), once(response, "close")]);
    }
    response.end();
  } catch (error) {
    logScimError(requestId, "response stream failed", error);
    response.destroy();
  }
}
