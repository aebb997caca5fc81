import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { listRequestLog, type RequestLogQuery } from "./list-request-log";

/** Activity's search by person, status and date, routine 404s apart, and names beside ids. */

let h: ScimHarness;
let graceId: string;
let grouping: string;
let started: Date;

beforeAll(async () => {
  h = await createScimHarness();
  started = new Date();
  const users = `${h.a.entra.integration.appKey}/Users`;
  const grace = await h.scim("POST", users, {
    body: { schemas: [USER_SCHEMA], userName: "grace@acme.test", name: { givenName: "Grace", familyName: "Hopper" }, emails: [{ value: "grace.h@acme.test", primary: true }] },
  });
  expect(grace.status).toBe(201);
  graceId = grace.body.id;
  expect((await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: "alan@acme.test" } })).status).toBe(201);
  expect((await h.scim("GET", `${users}/${graceId}`)).status).toBe(200);
  // Entra's check that a removed user is gone: routine, not a failure.
  expect((await h.scim("GET", `${users}/${randomUUID()}`)).status).toBe(404);
  expect((await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: "grace@acme.test" } })).status).toBe(409);
  const role = await h.scim("POST", `${h.a.entra.integration.appKey}/Groups`, { body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Research" } });
  expect(role.status).toBe(201);
  grouping = role.body.id;
  expect((await h.scim("GET", `${h.a.entra.integration.appKey}/Groups/${grouping}`)).status).toBe(200);
});
afterAll(() => h.close());

const list = (query: Partial<RequestLogQuery> = {}) => listRequestLog(h.db, h.a.tenant.id, { limit: 50, offset: 0, ...query });

describe("listRequestLog search", () => {
  it("keeps Entra's routine 404 lookups out of Failures only", async () => {
    expect((await list({ outcome: "failures" })).rows.map((r) => [r.method, r.status])).toEqual([["POST", 409]]);
    const notFound = (await list({ status: { code: 404 } })).rows;
    expect(notFound.map((r) => [r.method, r.outcome])).toEqual([["GET", "routine"]]);
    expect((await list({ status: { code: 409 } })).rows.map((r) => r.outcome)).toEqual(["failure"]);
  });

  it("filters by a status code or a class of codes", async () => {
    expect((await list({ status: { code: 201 } })).total).toBe(3);
    expect((await list({ status: { class: 4 } })).rows.map((r) => r.status)).toEqual([409, 404]);
    expect((await list({ status: { class: 5 } })).total).toBe(0);
  });

  it("filters by a date range", async () => {
    expect((await list({ from: started })).total).toBe(7);
    expect((await list({ until: started })).total).toBe(0);
    expect((await list({ from: new Date(Date.now() + 60_000) })).total).toBe(0);
  });

  it("finds the requests about a person by userName, email, its beginning or id, in this tenant only", async () => {
    const expected = [["GET", 200], ["POST", 201]];
    for (const person of ["grace@acme.test", "GRACE.H@acme.test", "grac", graceId]) {
      expect((await list({ person })).rows.map((r) => [r.method, r.status]), person).toEqual(expected);
    }
    expect((await list({ person: "nobody" })).total).toBe(0);
    expect((await list({ person: "gr_ce%" })).total).toBe(0);
    expect((await listRequestLog(h.db, h.b.tenant.id, { person: graceId, limit: 50, offset: 0 })).total).toBe(0);
  });

  it("names who a path addresses and who a creation created", async () => {
    const { rows } = await list();
    const read = rows.find((r) => r.method === "GET" && r.status === 200 && r.path.endsWith(graceId));
    expect(read?.subject).toEqual({ type: "person", id: graceId, name: "Grace Hopper" });
    const created = rows.find((r) => r.method === "POST" && r.status === 201 && r.path.endsWith("/Users"));
    expect(created?.created?.type).toBe("person");
    const createdGrace = rows.filter((r) => r.created?.id === graceId);
    expect(createdGrace.map((r) => r.created?.name)).toEqual(["Grace Hopper"]);
    expect(rows.find((r) => r.path.endsWith(`/Groups/${grouping}`))?.subject).toEqual({ type: "group", id: grouping, name: "Research" });
    expect(rows.find((r) => r.status === 404)?.subject).toBeNull();
  });
});
