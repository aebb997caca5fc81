import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDraining } from "./draining";
import { onShutdown, shutDown } from "./graceful-shutdown";
import { requestsInFlight, watchHttpServers } from "./http-servers";

/**
 * A graceful stop on a real Node HTTP server: requests in flight finish, nothing new is
 * accepted, the stages run in order, and a request that will not end is cut at the bound.
 */

type Answer = { status: number; connection: string | undefined; body: string };

let server: Server;
let port: number;
const releases: (() => void)[] = [];
const stages: string[] = [];

beforeAll(async () => {
  watchHttpServers();
  server = createServer((request, response) => {
    if (request.url === "/ready") {
      response.writeHead(isDraining() ? 503 : 200).end();
      return;
    }
    // Held until the test lets it go: a request in flight.
    releases.push(() => response.writeHead(200).end("done"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  for (const stage of ["jobs", "buffers", "database"] as const) {
    onShutdown(stage, async () => {
      stages.push(stage);
    });
  }
});
afterAll(() => server.closeAllConnections());

function get(path: string, to = port): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: to, path, agent: false, headers: { connection: "keep-alive" } }, (res: IncomingMessage) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe("shutDown", () => {
  it("reports ready until it starts, then finishes the requests in flight, refuses new ones, and runs its stages in order", async () => {
    expect((await get("/ready")).status).toBe(200);
    const inFlight = get("/slow");
    await until(() => releases.length === 1);
    expect(requestsInFlight()).toBe(1);

    const stopped = shutDown({ drainSeconds: 0, timeoutSeconds: 120 });
    expect(isDraining()).toBe(true);
    await until(() => !server.listening);
    await expect(get("/ready")).rejects.toMatchObject({ code: "ECONNREFUSED" });

    releases.shift()!();
    // The request answered normally, and its kept-alive connection is closed after it.
    expect(await inFlight).toEqual({ status: 200, connection: "close", body: "done" });
    await stopped;
    expect(stages).toEqual(["jobs", "buffers", "database"]);
    expect(requestsInFlight()).toBe(0);
  });
});

describe("a request that does not end within the bound", () => {
  it("is cut, and the stop goes on", async () => {
    const stuck = createServer(() => {});
    await new Promise<void>((resolve) => stuck.listen(0, "127.0.0.1", resolve));
    const answer = get("/never", (stuck.address() as AddressInfo).port);
    await until(() => requestsInFlight() === 1);
    stages.length = 0;
    await shutDown({ drainSeconds: 0, timeoutSeconds: 1 });
    await expect(answer).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(stuck.listening).toBe(false);
    expect(stages).toEqual(["jobs", "buffers", "database"]);
  });
});
