import { request as httpRequest, createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scimRequests } from "@/db/schema";
import { MAX_PAYLOAD_BYTES } from "@/lib/scim-limits";
import { createScimHarness, type ScimHarness } from "./testing";
import { isUnroutable, readClientBody, serveScimBeforeNext } from "./node-server";

/**
 * Next answers a TRACE or a path with a malformed escape with a bare 500 before any route
 * runs, and logs nothing for the escape. These requests are answered before Next sees them:
 * over a real socket here, against a server whose own handler must never be reached.
 */

let h: ScimHarness;
let server: Server;
let reachedNext = 0;
beforeAll(async () => {
  h = await createScimHarness();
  serveScimBeforeNext(async () => h.db);
  server = createServer((_, res) => {
    reachedNext++;
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const lastLogged = async () =>
  (await h.db.select().from(scimRequests).where(eq(scimRequests.tenantId, h.a.tenant.id)).orderBy(desc(scimRequests.id)).limit(1))[0];

describe("requests Next cannot route", () => {
  it.each([
    ["TRACE", "/api/scim/v2/Users", true],
    ["TRACK", "/", true],
    ["GET", "/api/scim/v2/Users/%ZZ", true],
    ["GET", "/api/scim/v2/Users/%ED%A0%80", true],
    ["GET", "/api/scim/v2/Users?filter=%ZZ", false],
    ["GET", "/api/scim/v2/Users/abc%20def", false],
    ["PATCH", "/api/scim/v2/Users/1", false],
  ])("%s %s is unroutable: %s", (method, url, expected) => {
    expect(isUnroutable(method, url)).toBe(expected);
  });

  it("answers TRACE on a SCIM path with a SCIM 405 naming the allowed methods, and logs it", async () => {
    const before = reachedNext;
    const res = await send("TRACE", `/api/scim/v2/${h.a.entra.integration.appKey}/Users`, { authorization: `Bearer ${h.a.entra.secret}` });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, POST");
    expect(JSON.parse(res.body)).toMatchObject({ status: "405", detail: expect.stringContaining("TRACE is not allowed") });
    expect(reachedNext).toBe(before);
    expect(await lastLogged()).toMatchObject({ method: "TRACE", status: 405, requestId: res.headers["x-request-id"] });
  });

  it("answers a malformed escape in a SCIM path with a SCIM 404, and logs it in the tenant's Activity", async () => {
    const res = await send("GET", `/api/scim/v2/${h.a.entra.integration.appKey}/Users/%ZZ`, { authorization: `Bearer ${h.a.entra.secret}` });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).detail).toMatch(/malformed escape/);
    // Refused before authentication, as any unknown path is: kept as a summary.
    expect(await lastLogged()).toMatchObject({ method: "GET", status: 404, authenticated: false, requestId: res.headers["x-request-id"] });
  });

  it("still answers such a request when its body is over the size limit", async () => {
    const res = await send(
      "POST",
      `/api/scim/v2/${h.a.entra.integration.appKey}/Users/%ZZ`,
      { authorization: `Bearer ${h.a.entra.secret}`, "content-type": "application/scim+json" },
      " ".repeat(2 * MAX_PAYLOAD_BYTES),
    );
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).detail).toMatch(/malformed escape/);
  });

  it("answers other paths with a plain 405 or 400, and leaves pages to Next", async () => {
    expect((await send("TRACE", "/")).status).toBe(405);
    expect((await send("GET", "/people/%ZZ")).status).toBe(400);
    const before = reachedNext;
    expect((await send("GET", "/people")).body).toBe("next");
    expect(reachedNext).toBe(before + 1);
  });
});

describe("the SCIM API served before Next", () => {
  it("answers a SCIM request itself, with the API's security headers, and logs it", async () => {
    const before = reachedNext;
    const res = await send("GET", `/api/scim/v2/${h.a.entra.integration.appKey}/Users?count=1`, { authorization: `Bearer ${h.a.entra.secret}` });
    expect(reachedNext).toBe(before);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/scim+json; charset=utf-8");
    expect(res.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.body));
    expect(JSON.parse(res.body)).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"] });
    expect(await lastLogged()).toMatchObject({ method: "GET", status: 200, requestId: res.headers["x-request-id"] });
  });

  it("refuses a request without credentials with a SCIM 401", async () => {
    const res = await send("GET", "/api/scim/v2/Users");
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toContain("Bearer");
    expect(JSON.parse(res.body)).toMatchObject({ status: "401" });
  });

  it("leaves HEAD and OPTIONS to Next's route, which derives them", async () => {
    const before = reachedNext;
    await send("OPTIONS", "/api/scim/v2/Users");
    await send("HEAD", "/api/scim/v2/Users");
    expect(reachedNext).toBe(before + 2);
  });
});

describe("a client that leaves in the middle of its body", () => {
  /** A server of its own, outside the SCIM path, that hands each request's body read to the test. */
  async function readOneBody(send: (socket: ReturnType<typeof connect>) => void) {
    let handed: (read: ReturnType<typeof readClientBody>) => void = () => {};
    const read = new Promise<ReturnType<typeof readClientBody>>((resolve) => (handed = resolve));
    const bodies = createServer((req, res) => {
      const body = readClientBody(req);
      handed(body);
      body.then(() => res.end("ok"), () => res.destroy());
    });
    await new Promise<void>((resolve) => bodies.listen(0, "127.0.0.1", resolve));
    const socket = connect((bodies.address() as AddressInfo).port, "127.0.0.1");
    socket.on("error", () => {});
    send(socket);
    try {
      return await (await read);
    } finally {
      socket.destroy();
      bodies.closeAllConnections();
      await new Promise((resolve) => bodies.close(resolve));
    }
  }
  const head = (length: number) => `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/scim+json\r\nContent-Length: ${length}\r\n\r\n`;

  it("reads as nothing to answer, not as a failure: the server answered a gone client 503 'database unavailable'", async () => {
    const read = await readOneBody((socket) => socket.write(head(1000) + '{"userName":', () => socket.destroy()));
    expect(read).toBeNull();
  });

  it("reads a whole body sent in pieces", async () => {
    const body = '{"userName":"piece@example.com"}';
    const read = await readOneBody((socket) => socket.write(head(body.length) + body.slice(0, 10), () => socket.write(body.slice(10))));
    expect(read).toEqual({ body, tooLarge: false });
  });
});
