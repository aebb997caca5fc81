import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { isDraining } from "./draining";

/**
 * The process's HTTP servers and their requests in flight, as seen by their connections:
 * Next creates its server before instrumentation runs and does not hand it out. Kept on
 * globalThis, as Next may load this module once per bundle.
 */
const state = globalThis as unknown as { scimConsoleHttpServers?: Map<Server, Set<ServerResponse>> };
const servers = (state.scimConsoleHttpServers ??= new Map());

function inFlightOf(server: Server): Set<ServerResponse> {
  let responses = servers.get(server);
  if (!responses) servers.set(server, (responses = new Set()));
  return responses;
}

/** Requests this process is answering now, across its servers. */
export function requestsInFlight(): number {
  let count = 0;
  for (const responses of servers.values()) count += responses.size;
  return count;
}

/**
 * Notes every server that takes a connection or a request and the requests it is
 * answering. Once the instance drains, each response says `Connection: close`, so a load
 * balancer's kept-alive connections end after their current request and the next one
 * opens on another instance.
 */
export function watchHttpServers(): void {
  const marked = Server.prototype as Server & { scimConsoleWatched?: true };
  if (marked.scimConsoleWatched) return;
  marked.scimConsoleWatched = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "connection") inFlightOf(this);
    if (event === "request") {
      const [, response] = args as [IncomingMessage, ServerResponse];
      const inFlight = inFlightOf(this);
      inFlight.add(response);
      response.once("close", () => inFlight.delete(response));
      if (isDraining()) response.setHeader("connection", "close");
    }
    return (emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof Server.prototype.emit;
}

/**
 * Stops accepting connections and waits for the requests in flight to finish: idle
 * kept-alive connections close at once, busy ones after their response. After `timeoutMs`
 * the connections still open are cut. Resolves with the number of requests cut short.
 */
export async function closeHttpServers(timeoutMs: number): Promise<number> {
  let cut = 0;
  await Promise.all(
    [...servers.entries()].map(
      ([server, inFlight]) =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          const timer = setTimeout(() => {
            cut += inFlight.size;
            server.closeAllConnections();
          }, timeoutMs);
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          server.closeIdleConnections();
          for (const response of inFlight) {
            if (!response.headersSent) response.setHeader("connection", "close");
            // A response already under way keeps its connection alive: close it once idle.
            else response.once("finish", () => setImmediate(() => server.closeIdleConnections()));
          }
        }),
    ),
  );
  return cut;
}
