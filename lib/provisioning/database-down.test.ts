import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { handleFetchRequest } from "./fetch-adapter";
import { RequestGuards } from "./request-guards";

/**
 * With the database down (issue #7, item 8) a SCIM client gets a SCIM error with the request
 * id, quickly, whether the failure comes while authenticating or while opening the database.
 * Nothing listens on port 1 of this machine: the connection is refused.
 */
const DEAD_URL = "postgres://postgres@127.0.0.1:1/scim";
process.env.DATABASE_URL = DEAD_URL;

const client = postgres(DEAD_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
const deadDb = drizzle(client, { schema }) as unknown as Db;
afterAll(() => client.end({ timeout: 1 }));

async function call(db: Db | undefined, method: string, path: string, requestId: string) {
  const url = `http://localhost:3000/api/scim/v2/${path}`;
  const request = new Request(url, {
    method,
    headers: { authorization: "Bearer some-token", "x-request-id": requestId, "content-type": "application/scim+json" },
    body: method === "GET" ? undefined : JSON.stringify({ userName: "x" }),
  });
  const started = performance.now();
  const response = await handleFetchRequest(request, path.split("/"), db, new RequestGuards());
  return { response, body: await response.json(), seconds: (performance.now() - started) / 1000 };
}

describe("the database is down", () => {
  it("answers a request that fails at authentication with a SCIM 503 naming the request id", async () => {
    const { response, body, seconds } = await call(deadDb, "GET", "Users", "down-auth-1");
    expect(response.status).toBe(503);
    expect(response.headers.get("x-request-id")).toBe("down-auth-1");
    expect(response.headers.get("retry-after")).toBeTruthy();
    expect(response.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    expect(body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "503" });
    expect(body.detail).toContain("down-auth-1");
    expect(body.detail).toContain("Nothing was changed");
    expect(seconds).toBeLessThan(5);
  });

  it("does not claim a write changed nothing", async () => {
    const { response, body } = await call(deadDb, "PATCH", "Groups/00000000-0000-4000-8000-000000000000", "down-write-1");
    expect(response.status).toBe(503);
    expect(body.detail).not.toContain("Nothing was changed");
    expect(body.detail).toMatch(/not known/);
  });

  it("answers the same when the process's database cannot even be opened", async () => {
    const { response, body, seconds } = await call(undefined, "GET", "Users", "down-open-1");
    expect(response.status).toBe(503);
    expect(response.headers.get("x-request-id")).toBe("down-open-1");
    expect(body.detail).toContain("down-open-1");
    expect(seconds).toBeLessThan(5);
  });
});
