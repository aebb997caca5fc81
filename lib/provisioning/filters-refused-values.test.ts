import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "./testing";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * Filter values no stored value can equal and PostgreSQL would refuse as a parameter (a NUL
 * character, the year 0000) are the client's mistake: 400 invalidFilter, never a 500.
 */
let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
  const created = await h.scim("POST", `${h.a.entra.integration.appKey}/Users`, { body: { schemas: [USER_SCHEMA], userName: "nul@acme.test" } });
  expect(created.status).toBe(201);
});
afterAll(() => h.close());

const NUL = String.raw`a\u0000b`;

describe("filters with values the database cannot hold", () => {
  it.each([
    ["Users", `userName eq "${NUL}"`],
    ["Users", `userName co "${NUL}"`],
    ["Users", `userName sw "${NUL}"`],
    ["Users", `emails.value eq "${NUL}"`],
    ["Users", `emails[value co "${NUL}"]`],
    ["Users", `externalId eq "${NUL}"`],
    ["Groups", `displayName eq "${NUL}"`],
    ["Users", 'meta.created gt "0000-01-01T00:00:00Z"'],
    ["Users", 'meta.lastModified lt "0000-12-31T23:59:59Z"'],
    ["Groups", 'meta.created gt "0000-01-01T00:00:00Z"'],
  ])("GET /%s?filter=%s answers 400 invalidFilter", async (resource, filter) => {
    const res = await h.scim("GET", `${h.a.entra.integration.appKey}/${resource}?filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: "400", scimType: "invalidFilter" });
  });

  it("refuses the same in a POST .search body", async () => {
    const res = await h.scim("POST", `${h.a.entra.integration.appKey}/Users/.search`, {
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], filter: `userName eq "${NUL}"` },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ scimType: "invalidFilter" });
  });

  it("still finds people created after year 1", async () => {
    const res = await h.scim("GET", `${h.a.entra.integration.appKey}/Users?filter=${encodeURIComponent('meta.created gt "0001-01-01T00:00:00Z"')}`);
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
  });
});
