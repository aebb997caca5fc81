import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { createScimHarness, type ScimHarness } from "./testing";

/**
 * What other people's SCIM test suites and Microsoft's reference collection found: requests a
 * real client sends that were refused or mishandled, each answered as the RFC or the vendor
 * documentation says, over HTTP against the real database.
 */

let h: ScimHarness;
let users: string;
let groups: string;
beforeAll(async () => {
  h = await createScimHarness();
  users = `${h.a.entra.integration.appKey}/Users`;
  groups = `${h.a.entra.integration.appKey}/Groups`;
});
afterAll(() => h.close());

async function createdUser(extra: Record<string, unknown> = {}) {
  const userName = `interop-${randomUUID()}@example.com`;
  const res = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName, displayName: "Ivy Interop", ...extra } });
  expect(res.status).toBe(201);
  return res.body as { id: string; userName: string };
}

const patch = (id: string, Operations: unknown[]) => h.patchAndRead(`${users}/${id}`, { body: { schemas: [PATCH_OP], Operations } });

describe("removing active", () => {
  it("refuses to remove active from a deactivated user, who stays deactivated", async () => {
    const user = await createdUser({ active: false });
    const res = await patch(user.id, [{ op: "remove", path: "active" }]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ scimType: "mutability", detail: expect.stringMatching(/active cannot be removed/) });
    expect((await h.scim("GET", `${users}/${user.id}`)).body.active).toBe(false);
  });

  it("refuses an unassigning replace of active with null the same way", async () => {
    const user = await createdUser({ active: false });
    const res = await patch(user.id, [{ op: "replace", path: "active", value: null }]);
    expect(res.status).toBe(400);
    expect((await h.scim("GET", `${users}/${user.id}`)).body.active).toBe(false);
  });
});

describe("PATCH and POST validate values alike", () => {
  it("refuses emails given as a bare string in a PATCH, as a POST does", async () => {
    const post = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: `x-${randomUUID()}`, emails: "yes" } });
    expect(post.status).toBe(400);
    const user = await createdUser();
    const res = await patch(user.id, [{ op: "replace", path: "emails", value: "yes" }]);
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidValue");
    expect((await h.scim("GET", `${users}/${user.id}`)).body).not.toHaveProperty("emails");
  });

  it("still takes Entra's bare manager id in a PATCH", async () => {
    const user = await createdUser();
    const res = await patch(user.id, [{ op: "add", path: `${ENTERPRISE_USER_SCHEMA}:manager`, value: "boss-id" }]);
    expect(res.status).toBe(204);
    expect(res.body[ENTERPRISE_USER_SCHEMA].manager).toEqual({ value: "boss-id" });
  });

  it("ignores a nested schemas key in the enterprise extension's value, as PUT does", async () => {
    const user = await createdUser();
    const res = await patch(user.id, [
      { op: "replace", path: ENTERPRISE_USER_SCHEMA, value: { schemas: [ENTERPRISE_USER_SCHEMA], department: "Research" } },
    ]);
    expect(res.status).toBe(204);
    expect(res.body[ENTERPRISE_USER_SCHEMA]).toEqual({ department: "Research" });
  });
});

describe("405 Method Not Allowed", () => {
  it.each([
    ["DELETE", "/Users", () => users, "GET, POST"],
    ["POST", "/Users/{id}", () => `${users}/${randomUUID()}`, "GET, PUT, PATCH, DELETE"],
    ["GET", "/Users/.search", () => `${users}/.search`, "POST"],
    ["POST", "/ServiceProviderConfig", () => `${h.a.entra.integration.appKey}/ServiceProviderConfig`, "GET"],
  ])("answers %s on %s with an Allow header", async (method, _, path, allow) => {
    const res = await h.scim(method, path(), { body: method === "GET" ? undefined : {} });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe(allow);
    expect(res.body.detail).toContain(allow);
  });
});

describe("unquoted filter values (Entra's documentation, Microsoft's reference collection)", () => {
  it("finds a user by an unquoted userName, as Entra's documentation writes it", async () => {
    const user = await createdUser();
    const res = await h.scim("GET", `${users}?filter=${encodeURIComponent(`userName eq ${user.userName}`)}`);
    expect(res.status).toBe(200);
    expect(res.body.Resources.map((r: { id: string }) => r.id)).toEqual([user.id]);
  });

  it("takes an unquoted date-time with seven fractional digits and an offset", async () => {
    const user = await createdUser();
    const filter = `meta.created gt 2015-10-10T14:38:21.8617979-07:00 and userName eq "${user.userName}"`;
    const res = await h.scim("GET", `${users}?filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
  });

  it("takes unquoted values in a group filter and in POST .search", async () => {
    const displayName = `Employee-${randomUUID().slice(0, 8)}`;
    expect((await h.scim("POST", groups, { body: { schemas: [GROUP_SCHEMA], displayName } })).status).toBe(201);
    const res = await h.scim("POST", `${groups}/.search`, { body: { filter: `displayName sw ${displayName.slice(0, 12)}` } });
    expect(res.status).toBe(200);
    expect(res.body.Resources.map((g: { displayName: string }) => g.displayName)).toContain(displayName);
  });

  it("refuses a bare keyword with a message that shows the quoted form", async () => {
    const res = await h.scim("GET", `${users}?filter=${encodeURIComponent("userName eq or")}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ scimType: "invalidFilter", detail: expect.stringContaining('quote a text value: "or"') });
  });
});

describe("group members' display and type", () => {
  it("are advertised as readOnly, and what a client sends for them is replaced by the server's", async () => {
    const schema = (await h.scim("GET", `${h.a.entra.integration.appKey}/Schemas/${GROUP_SCHEMA}`)).body;
    const members = schema.attributes.find((a: { name: string }) => a.name === "members");
    const sub = (name: string) => members.subAttributes.find((a: { name: string }) => a.name === name);
    expect(sub("display").mutability).toBe("readOnly");
    expect(sub("type").mutability).toBe("readOnly");

    const user = await createdUser();
    const res = await h.scim("POST", groups, {
      body: { schemas: [GROUP_SCHEMA], displayName: `Readers ${randomUUID()}`, members: [{ value: user.id, display: "Someone Else", type: "Group" }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.members).toEqual([expect.objectContaining({ value: user.id, display: "Ivy Interop", type: "User" })]);
  });
});

describe("POST /.search at the server root (RFC 7644 section 3.4.3)", () => {
  it("searches Users and Groups together, paging across both", async () => {
    const tag = randomUUID().slice(0, 8);
    const integration = await h.install(h.a.tenant, "entra");
    const key = integration.integration.appKey;
    for (const n of [1, 2]) {
      const res = await h.scim("POST", `${key}/Users`, { as: integration, body: { schemas: [USER_SCHEMA], userName: `root-${tag}-${n}`, displayName: `Root ${tag} ${n}` } });
      expect(res.status).toBe(201);
    }
    expect((await h.scim("POST", `${key}/Groups`, { as: integration, body: { schemas: [GROUP_SCHEMA], displayName: `Root ${tag} group` } })).status).toBe(201);

    const filter = `displayName sw "Root ${tag}"`;
    const all = await h.scim("POST", `${key}/.search`, { as: integration, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], filter } });
    expect(all.status).toBe(200);
    expect(all.body.totalResults).toBe(3);
    expect(all.body.Resources.map((r: { displayName: string }) => r.displayName)).toEqual([`Root ${tag} 1`, `Root ${tag} 2`, `Root ${tag} group`]);

    const second = await h.scim("POST", `${key}/.search`, { as: integration, body: { filter, startIndex: 2, count: 2 } });
    expect(second.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 2 });
    expect(second.body.Resources[1].schemas).toEqual([GROUP_SCHEMA]);
  });

  it("takes a filter only Users understand, and works keyless with the token alone", async () => {
    const user = await createdUser();
    const res = await h.scim("POST", ".search", { as: h.a.entra, body: { filter: `userName eq "${user.userName}"` } });
    expect(res.status).toBe(200);
    expect(res.body.Resources.map((r: { id: string }) => r.id)).toEqual([user.id]);
  });

  it("refuses a filter no resource type understands, GET, and sortBy", async () => {
    const root = `${h.a.entra.integration.appKey}/.search`;
    expect((await h.scim("POST", root, { body: { filter: 'shoeSize eq "42"' } })).body.scimType).toBe("invalidFilter");
    const get = await h.scim("GET", root);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await h.scim("POST", root, { body: { sortBy: "displayName" } })).status).toBe(400);
  });
});
