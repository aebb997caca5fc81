/**
 * HTTP/1.1 over a plain socket. fetch refuses what the fuzzer must send (TRACE, NUL and
 * control characters in headers, `%ZZ` and `..` left un-normalised in the path, a wrong
 * Content-Length), so the bytes are written by hand. One request per connection.
 */
import { connect } from "node:net";

export type RawRequest = {
  method: string;
  /** Sent byte for byte, not normalised. */
  path: string;
  headers: [string, string][];
  body?: Buffer | string;
  /** Omit the automatic Content-Length (the case sets its own, or none at all). */
  noContentLength?: boolean;
};

export type RawReply = {
  /** undefined: no HTTP answer (connection closed or reset, or the time ran out). */
  status: number | undefined;
  error?: string;
  /** The start of the body, for the report of a 5xx. */
  snippet: string;
  retryAfter: string | undefined;
  ms: number;
};

const KEEP_BYTES = 16 * 1024;

export function rawRequest(port: number, request: RawRequest, timeoutMs = 15_000): Promise<RawReply> {
  const started = performance.now();
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, "utf8");
  const lines = [`${request.method} ${request.path} HTTP/1.1`, `Host: 127.0.0.1:${port}`];
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  if (!request.noContentLength && (body.length > 0 || ["POST", "PUT", "PATCH"].includes(request.method))) {
    lines.push(`Content-Length: ${body.length}`);
  }
  lines.push("Connection: close", "", "");
  const head = Buffer.from(lines.join("\r\n"), "utf8");

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let settled = false;
    const socket = connect({ port, host: "127.0.0.1" });
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString("utf8");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const bodyStart = text.indexOf("\r\n\r\n");
      resolve({
        status: match ? Number(match[1]) : undefined,
        error: match ? undefined : (error ?? "connection closed without an answer"),
        snippet: bodyStart >= 0 ? text.slice(bodyStart + 4, bodyStart + 4 + 600) : "",
        retryAfter: /\r\nretry-after: *([^\r]*)/i.exec(bodyStart >= 0 ? text.slice(0, bodyStart) : text)?.[1],
        ms: performance.now() - started,
      });
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    socket.on("connect", () => {
      socket.write(head);
      if (body.length > 0) socket.write(body);
    });
    socket.on("data", (chunk: Buffer) => {
      if (kept < KEEP_BYTES) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    socket.on("end", () => finish());
    socket.on("close", () => finish());
    // A server that answers 413 and closes before reading the whole body resets the socket:
    // the answer already read still counts.
    socket.on("error", (error) => finish(error.message));
  });
}
