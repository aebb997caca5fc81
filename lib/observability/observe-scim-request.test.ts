import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { useLogger } from "./logger";
import { metrics } from "./metrics";
import { scimRoutePattern } from "./observe-scim-request";

/** One JSON log line and the metrics of each SCIM request, through the real handler and database. */

let h: ScimHarness;
const lines: Record<string, unknown>[] = [];
beforeAll(async () => {
  h = await createScimHarness();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  useLogger(pino({ level: "info" }, sink));
});
afterAll(() => h.close());

const lineFor = (requestId: string) => lines.filter((line) => line.requestId === requestId);

describe("the log line of a SCIM request", () => {
  it("names the request, tenant, integration, method, route pattern, status and latency, and no personal data", async () => {
    const userName = `ada.lovelace-${Date.now()}@example.com`;
    const created = await h.scim("POST", `${h.a.entra.integration.appKey}/Users`, {
      body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, emails: [{ value: userName, primary: true }] },
    });
    expect(created.status).toBe(201);
    const found = lineFor(created.headers.get("x-request-id")!);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      level: 30,
      msg: "scim request",
      tenantId: h.a.tenant.id,
      integrationId: h.a.entra.integration.id,
      method: "POST",
      route: "/Users",
      status: 201,
    });
    expect(found[0].latencyMs).toEqual(expect.any(Number));

    const read = await h.scim("GET", `${h.a.entra.integration.appKey}/Users/${created.body.id}`);
    expect(lineFor(read.headers.get("x-request-id")!)[0]).toMatchObject({ route: "/Users/{id}", status: 200 });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(userName);
    expect(everything).not.toContain(created.body.id);
    expect(everything).not.toContain(h.a.entra.secret);
    expect(everything).not.toContain(h.a.entra.integration.appKey);
  });

  it("names no tenant or integration for a caller whose credentials were refused", async () => {
    const refused = await h.scim("GET", `${h.a.entra.integration.appKey}/Users`, { headers: { authorization: "Bearer not-a-token" } });
    expect(refused.status).toBe(401);
    expect(lineFor(refused.headers.get("x-request-id")!)[0]).toMatchObject({ tenantId: null, integrationId: null, route: "/Users", status: 401 });
  });
});

describe("the metrics of SCIM requests", () => {
  it("count requests by integration, method and status class, and time them", async () => {
    const { scimRequests, scimLatency } = metrics();
    const countOf = async () =>
      (await scimRequests.get()).values.find(
        (v) => v.labels.integration === h.b.okta.integration.id && v.labels.method === "GET" && v.labels.status_class === "2xx",
      )?.value ?? 0;
    const timed = async () => (await scimLatency.get()).values.find((v) => v.metricName === "scim_request_duration_seconds_count" && v.labels.method === "GET" && v.labels.status_class === "2xx")?.value ?? 0;
    const [before, timedBefore] = [await countOf(), await timed()];
    for (let i = 0; i < 3; i++) expect((await h.scim("GET", `${h.b.okta.integration.appKey}/Users`)).status).toBe(200);
    expect(await countOf()).toBe(before + 3);
    expect(await timed()).toBe(timedBefore + 3);
  });
});

describe("scimRoutePattern", () => {
  it.each([
    [["key", "Users"], "/Users"],
    [["Users", "8d0b8f62"], "/Users/{id}"],
    [["key", "groups", "abc"], "/Groups/{id}"],
    [["key", "Users", ".search"], "/Users/.search"],
    [[".search"], "/.search"],
    [["key", "Schemas", "urn:ietf:params:scim:schemas:core:2.0:User"], "/Schemas/{id}"],
    [["key", "Users", "a", "b"], "unmatched"],
    [["key", "%ZZ"], "unmatched"],
  ])("reads %j as %s", (segments, pattern) => {
    expect(scimRoutePattern(segments)).toBe(pattern);
  });
});
