import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { getDb, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { errorResponse, handleScimRequest, requestIdFrom } from "./handle-scim-request";
import { readBoundedBody } from "./read-bounded-body";
import { SCIM_CONTENT_TYPE, type ScimRequest, type ScimResponse } from "./scim-request";

const SCIM_PREFIX = "/api/scim/v2";
/** Methods a web Request cannot carry (Fetch standard, forbidden methods): Next answers them 500. */
const UNREPRESENTABLE = new Set(["CONNECT", "TRACE", "TRACK"]);

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

/**
 * Answers unroutable requests before Next sees them: under /api/scim/v2 through the SCIM
 * handler (authenticated, answered with a SCIM error, written to the request log like any
 * other), elsewhere with a plain 405 or 400. Installed once, when the Node server starts.
 */
export function answerUnroutableRequests(openDb: () => Promise<Db> = getDb): void {
  const marked = Server.prototype as Server & { scimUnroutable?: true };
  if (marked.scimUnroutable) return;
  marked.scimUnroutable = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (isUnroutable(request.method, request.url)) {
        answer(request, response, openDb).catch(() => response.destroy());
        return true;
      }
    }
    return (emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof Server.prototype.emit;
}

async function answer(request: IncomingMessage, response: ServerResponse, openDb: () => Promise<Db>): Promise<void> {
  const [path, query = ""] = (request.url ?? "/").split(/\?(.*)/s, 2);
  if (path !== SCIM_PREFIX && !path.startsWith(`${SCIM_PREFIX}/`)) {
    const method = (request.method ?? "").toUpperCase();
    const [status, text] = UNREPRESENTABLE.has(method) ? [405, `${method} is not allowed`] : [400, "The URL has a malformed percent-escape"];
    response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...(status === 405 ? { allow: "GET, HEAD, POST" } : {}) });
    response.end(text);
    request.resume();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const requestId = requestIdFrom(headers);
  const method = (request.method ?? "").toUpperCase();
  let result: ScimResponse;
  try {
    const { body, tooLarge } = await readBoundedBody(request, "drain");
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
  response.writeHead(result.status, result.headers);
  if (result.stream) for await (const chunk of result.stream) response.write(chunk);
  else if (result.body !== undefined) response.write(JSON.stringify(result.body));
  response.end();
}
