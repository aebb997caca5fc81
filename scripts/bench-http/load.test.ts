import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { measure, type Scenario } from "./load";

/**
 * The 64-connection PGlite run mixes GETs and PATCHes on each connection. A GET that went out
 * declaring the previous PATCH's Content-Length left the server waiting for a body that never
 * came: the request stalled until the client gave up. This server answers such a GET with 400
 * and closes the connection, so the mistake shows at once instead of as a 60 s wait.
 */
const seen: { method: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ method: request.method ?? "", headers: request.headers });
    if (request.method === "GET" && request.headers["content-length"] !== undefined) {
      response.writeHead(400, { connection: "close" }).end();
      return;
    }
    request.resume();
    request.on("end", () => response.writeHead(request.method === "PATCH" ? 204 : 200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it("sends each request with its own headers: a GET after a PATCH declares no body", async () => {
  let i = 0;
  const scenario: Scenario = {
    name: "mixed",
    label: "PATCH then GET",
    expected: [200, 204],
    headers: { authorization: "Bearer secret" },
    connections: 1,
    next: () => (i++ % 2 === 0 ? { method: "PATCH", path: "/p", body: { active: i % 4 === 1 } } : { method: "GET", path: "/g" }),
  };
  const m = await measure(origin, scenario, { connections: 1, durationSeconds: 1, warmupSeconds: 0, amount: 40 });
  const gets = seen.filter((s) => s.method === "GET");
  const patches = seen.filter((s) => s.method === "PATCH");
  expect(gets.length).toBeGreaterThan(10);
  expect(gets.filter((s) => s.headers["content-length"] !== undefined)).toEqual([]);
  expect(patches.every((s) => Number(s.headers["content-length"]) > 0 && s.headers.authorization === "Bearer secret")).toBe(true);
  expect(m).toMatchObject({ unexpected: 0, statuses: { 200: gets.length, 204: patches.length } });
});
