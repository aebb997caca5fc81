import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { at, provisionGroup, provisionUsers } from "./testing";

let h: ScimHarness;
let members: string[];
let full: string;
let empty: string;
beforeAll(async () => {
  h = await createScimHarness();
  members = await provisionUsers(h, h.a.okta, 3, "streamed");
  full = await provisionGroup(h, h.a.okta, "Streamed", members);
  empty = await provisionGroup(h, h.a.okta, "Nobody");
});
afterAll(() => h?.close());

/** The streamed GET must be the same JSON a PUT answer (built whole) gives for the same group. */
async function streamedAndWhole(id: string, query = "") {
  const streamed = await h.scim("GET", at(h.a.okta, `Groups/${id}${query}`));
  const current = await h.scim("GET", at(h.a.okta, `Groups/${id}?excludedAttributes=members`));
  const whole = await h.scim("PUT", at(h.a.okta, `Groups/${id}${query}`), {
    body: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: current.body.displayName,
      members: (streamed.body.members ?? []).map((m: { value: string }) => ({ value: m.value })),
    },
  });
  return { streamed, whole };
}

describe("a group's GET, written out page by page", () => {
  it("is valid JSON equal to the whole representation, members and meta included", async () => {
    const { streamed, whole } = await streamedAndWhole(full);
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toContain("application/scim+json");
    expect(streamed.headers.get("etag")).toBe(streamed.body.meta.version);
    expect(streamed.body.members.map((m: { value: string }) => m.value).sort()).toEqual([...members].sort());
    expect(streamed.body).toEqual(whole.body);
  });

  it("omits members when there are none, as the whole representation does", async () => {
    const { streamed, whole } = await streamedAndWhole(empty);
    expect(streamed.body.members).toBeUndefined();
    expect(streamed.body).toEqual(whole.body);
  });

  it("honours a projection of members' sub-attributes without meta", async () => {
    const { streamed, whole } = await streamedAndWhole(full, "?attributes=members.value");
    expect(Object.keys(streamed.body).sort()).toEqual(["id", "members", "schemas"]);
    expect(streamed.body).toEqual(whole.body);
  });
});
