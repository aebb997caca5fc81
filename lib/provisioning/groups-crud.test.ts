import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionsOf, at, historyOf, patchBody, provisionGroup, provisionUsers, versionOf } from "@/lib/groups/testing";
import { entraCreateGroup, entraGroupReplaceDisplayName } from "@/lib/scim/fixtures/entra";
import { oktaCreateGroup, oktaGroupRenameWithId } from "@/lib/scim/fixtures/okta";
import { createScimHarness, type ScimHarness } from "./testing";

let h: ScimHarness;

beforeAll(async () => {
  h = await createScimHarness();
});

afterAll(async () => {
  await h?.close();
});

describe("POST /Groups", () => {
  it("creates Entra's group with 201, Location, ETag and a stored resource without members", async () => {
    const res = await h.scim("POST", at(h.a.entra, "Groups"), { body: entraCreateGroup });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`http://localhost:3000/api/scim/v2/${h.a.entra.integration.appKey}/Groups/${res.body.id}`);
    expect(res.headers.get("etag")).toBe('W/"1"');
    expect(res.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "displayName",
      externalId: entraCreateGroup.externalId,
      meta: { resourceType: "Group", version: 'W/"1"' },
    });
    expect(res.body.members).toBeUndefined();
    const [created] = await historyOf(h.db, res.body.id);
    expect(created).toMatchObject({ subjectType: "group", action: "created", actorType: "integration", actorId: h.a.entra.integration.id });
    expect(created.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("creates Okta's group with an empty members array, over HTTP Basic", async () => {
    const res = await h.scim("POST", at(h.a.okta, "Groups"), { body: oktaCreateGroup, basic: true });
    expect(res.status).toBe(201);
    expect(res.body.displayName).toBe("Test SCIMv2");
  });

  it("refuses a displayName taken in the tenant, whatever its case, with 409 uniqueness", async () => {
    await provisionGroup(h, h.a.entra, "Sales EMEA");
    const res = await h.scim("POST", at(h.a.entra, "Groups"), { body: { displayName: "sales emea" } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: "409", scimType: "uniqueness" });
    // Unique per tenant: another integration of tenant A cannot take it either; tenant B can.
    expect((await h.scim("POST", at(h.a.okta, "Groups"), { body: { displayName: "SALES EMEA" } })).status).toBe(409);
    expect((await h.scim("POST", at(h.b.entra, "Groups"), { body: { displayName: "Sales EMEA" } })).status).toBe(201);
  });

  it("refuses a group without displayName", async () => {
    const res = await h.scim("POST", at(h.a.entra, "Groups"), { body: { externalId: "x" } });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidValue");
  });
});

describe("GET, PUT and DELETE /Groups/{id}", () => {
  it("reads a group, answers 304 to a matching If-None-Match, and 404 for an unknown or malformed id", async () => {
    const id = await provisionGroup(h, h.a.entra, "Readers");
    const res = await h.scim("GET", at(h.a.entra, `Groups/${id}`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, displayName: "Readers" });
    const etag = res.headers.get("etag")!;
    expect((await h.scim("GET", at(h.a.entra, `Groups/${id}`), { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await h.scim("GET", at(h.a.entra, "Groups/00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await h.scim("GET", at(h.a.entra, "Groups/not-a-uuid"))).status).toBe(404);
  });

  it("replaces displayName and externalId with PUT and records a rename", async () => {
    const id = await provisionGroup(h, h.a.okta, "Before PUT");
    const res = await h.scim("PUT", at(h.a.okta, `Groups/${id}`), { body: { displayName: "After PUT", externalId: "ext-1" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: "After PUT", externalId: "ext-1", meta: { version: 'W/"2"' } });
    const renamed = (await historyOf(h.db, id)).at(-1)!;
    expect(renamed.action).toBe("renamed");
    expect(renamed.changes).toContainEqual({ path: "displayName", before: "Before PUT", after: "After PUT" });
  });

  it("refuses a write whose If-Match names an older version with 412, changing nothing", async () => {
    const id = await provisionGroup(h, h.a.entra, "Versioned");
    await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: patchBody({ op: "replace", path: "displayName", value: "Versioned 2" }) });
    const stale = { "if-match": 'W/"1"' };
    const patch = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), {
      headers: stale,
      body: patchBody({ op: "replace", path: "displayName", value: "Versioned 3" }),
    });
    expect(patch.status).toBe(412);
    expect((await h.scim("PUT", at(h.a.entra, `Groups/${id}`), { headers: stale, body: { displayName: "X" } })).status).toBe(412);
    expect((await h.scim("DELETE", at(h.a.entra, `Groups/${id}`), { headers: stale })).status).toBe(412);
    const current = await h.scim("GET", at(h.a.entra, `Groups/${id}`));
    expect(current.body.displayName).toBe("Versioned 2");
    const ok = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), {
      headers: { "if-match": current.headers.get("etag")! },
      body: patchBody({ op: "replace", path: "displayName", value: "Versioned 3" }),
    });
    expect(ok.status).toBe(204);
  });

  it("deletes a group: 204, then 404, its name free again, History kept", async () => {
    const id = await provisionGroup(h, h.a.entra, "Short-lived");
    expect((await h.scim("DELETE", at(h.a.entra, `Groups/${id}`))).status).toBe(204);
    expect((await h.scim("GET", at(h.a.entra, `Groups/${id}`))).status).toBe(404);
    expect((await h.scim("DELETE", at(h.a.entra, `Groups/${id}`))).status).toBe(404);
    expect(await actionsOf(h.db, id)).toEqual(["created", "deleted"]);
    expect((await h.scim("POST", at(h.a.entra, "Groups"), { body: { displayName: "short-lived" } })).status).toBe(201);
  });
});

describe("PATCH /Groups/{id} attributes", () => {
  it("renames with Entra's Replace displayName and answers 204 with the new ETag", async () => {
    const id = await provisionGroup(h, h.a.entra, "Entra rename");
    const res = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: entraGroupReplaceDisplayName });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(res.headers.get("etag")).toBe('W/"2"');
    const read = await h.scim("GET", at(h.a.entra, `Groups/${id}`));
    expect(read.body.displayName).toBe(entraGroupReplaceDisplayName.Operations[0].value);
  });

  it("answers 200 with the resource when the PATCH has attributes or excludedAttributes", async () => {
    const id = await provisionGroup(h, h.a.entra, "Asks for body");
    const [user] = await provisionUsers(h, h.a.entra, 1);
    const add = patchBody({ op: "add", path: "members", value: [{ value: user }] });
    const withAttributes = await h.scim("PATCH", at(h.a.entra, `Groups/${id}?attributes=displayName`), { body: add });
    expect(withAttributes.status).toBe(200);
    expect(withAttributes.body).toEqual({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], id, displayName: "Asks for body" });
    const rename = patchBody({ op: "replace", path: "displayName", value: "Asked for body" });
    const excluded = await h.scim("PATCH", at(h.a.entra, `Groups/${id}?excludedAttributes=members`), { body: rename });
    expect(excluded.status).toBe(200);
    expect(excluded.body).toMatchObject({ id, displayName: "Asked for body", meta: { version: 'W/"3"' } });
    expect(excluded.body.members).toBeUndefined();
  });

  it("accepts Okta's path-less rename that repeats the group id; the same name again records nothing", async () => {
    const created = await h.scim("POST", at(h.a.okta, "Groups"), { body: { displayName: "Okta before" } });
    const id = created.body.id as string;
    const rename = (displayName: string) =>
      ({ ...oktaGroupRenameWithId, Operations: [{ op: "replace", value: { id, displayName } }] });
    expect((await h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: rename("Okta after") })).status).toBe(204);
    const version = await versionOf(h, h.a.okta, id);
    expect((await h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: rename("Okta after") })).status).toBe(204);
    expect(await versionOf(h, h.a.okta, id)).toBe(version);
    expect(await actionsOf(h.db, id)).toEqual(["created", "renamed"]);
  });

  it("refuses Okta's path-less replace when the id is not the group's own", async () => {
    const id = await provisionGroup(h, h.a.okta, "Okta id check");
    const res = await h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: oktaGroupRenameWithId });
    expect(res.status).toBe(400);
  });

  it("refuses a rename onto another group's name with 409", async () => {
    await provisionGroup(h, h.a.entra, "Taken name");
    const id = await provisionGroup(h, h.a.entra, "Free name");
    const res = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: patchBody({ op: "replace", path: "displayName", value: "TAKEN NAME" }) });
    expect(res.status).toBe(409);
    expect(res.body.scimType).toBe("uniqueness");
    expect(await actionsOf(h.db, id)).toEqual(["created"]);
  });
});
