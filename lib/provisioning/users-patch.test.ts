import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, people } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "./testing";
import { PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * PATCH /Users/{id} beyond the vendor shapes (those are in users-entra and users-okta): RFC
 * 7644 section 3.5.2 semantics, refusals, and the no-op rule, against the real database.
 */

let h: ScimHarness;
let users: string;
beforeAll(async () => {
  h = await createScimHarness();
  users = `${h.a.entra.integration.appKey}/Users`;
});
afterAll(() => h.close());

async function created(extra: Record<string, unknown> = {}) {
  const res = await h.scim("POST", users, {
    body: { schemas: [USER_SCHEMA], userName: `patch-${randomUUID()}@example.com`, displayName: "Pat", nickName: "P", emails: [{ type: "work", value: "pat@example.com", primary: true }], ...extra },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; userName: string; meta: { version: string } };
}

const patch = (id: string, Operations: unknown[], headers?: Record<string, string>) =>
  h.patchAndRead(`${users}/${id}`, { body: { schemas: [PATCH_OP], Operations }, headers });

const historyOf = (id: string) => h.db.select().from(events).where(eq(events.subjectId, id)).orderBy(events.id);

describe("the PATCH response", () => {
  it("is 204 with the new ETag and no body, for Users as for Groups", async () => {
    const user = await created();
    const res = await h.scim("PATCH", `${users}/${user.id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nickName", value: "Q" }] } });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const read = await h.scim("GET", `${users}/${user.id}`);
    expect(res.headers.get("etag")).toBe(read.body.meta.version);
    expect(read.body.nickName).toBe("Q");
  });

  it("is 200 with the projected resource when the request names attributes or excludedAttributes", async () => {
    const user = await created();
    const body = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nickName", value: "R" }] };
    const projected = await h.scim("PATCH", `${users}/${user.id}?attributes=nickName`, { body });
    expect(projected.status).toBe(200);
    expect(projected.body).toEqual({ schemas: [USER_SCHEMA], id: user.id, nickName: "R" });
    const trimmed = await h.scim("PATCH", `${users}/${user.id}?excludedAttributes=emails`, { body });
    expect(trimmed.status).toBe(200);
    expect(trimmed.body).toMatchObject({ id: user.id, nickName: "R", userName: user.userName });
    expect(trimmed.body).not.toHaveProperty("emails");
  });
});

describe("PATCH semantics", () => {
  it("adds a value to a multi-valued attribute, keeping the existing ones", async () => {
    const user = await created();
    const res = await patch(user.id, [{ op: "add", path: "emails", value: [{ type: "home", value: "home@example.com" }] }]);
    expect(res.status).toBe(204);
    expect(res.body.emails).toEqual([
      { type: "work", value: "pat@example.com", primary: true },
      { type: "home", value: "home@example.com" },
    ]);
  });

  it("removes a single attribute and a whole multi-valued attribute", async () => {
    const user = await created();
    const res = await patch(user.id, [
      { op: "remove", path: "nickName" },
      { op: "remove", path: "emails" },
    ]);
    expect(res.status).toBe(204);
    expect(res.body).not.toHaveProperty("nickName");
    expect(res.body).not.toHaveProperty("emails");
    const [row] = await h.db.select().from(people).where(eq(people.id, user.id));
    expect(row.primaryEmail).toBeNull();
  });

  it("applies operations in order: a later one sees an earlier one's result", async () => {
    const user = await created();
    const res = await patch(user.id, [
      { op: "replace", path: "displayName", value: "First" },
      { op: "replace", path: "displayName", value: "Second" },
      { op: "add", path: 'emails[type eq "work"].display', value: "Work" },
    ]);
    expect(res.body.displayName).toBe("Second");
    expect(res.body.emails[0]).toMatchObject({ value: "pat@example.com", display: "Work" });
  });

  it("takes a lone value for a multi-valued attribute as an array of one", async () => {
    const user = await created();
    const res = await patch(user.id, [{ op: "replace", path: "emails", value: { value: "only@example.com", type: "work" } }]);
    expect(res.status).toBe(204);
    expect(res.body.emails).toEqual([{ value: "only@example.com", type: "work" }]);
  });

  it("answers 404 for a user that does not exist and for an id that is no uuid", async () => {
    expect((await patch(randomUUID(), [{ op: "replace", path: "nickName", value: "x" }])).status).toBe(404);
    expect((await patch("not-a-uuid", [{ op: "replace", path: "nickName", value: "x" }])).status).toBe(404);
  });

  it("answers 409 uniqueness when a PATCH takes another user's userName in another case", async () => {
    const first = await created();
    const second = await created();
    const res = await patch(second.id, [{ op: "replace", path: "userName", value: first.userName.toUpperCase() }]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: "409", scimType: "uniqueness" });
  });
});

describe("no-op PATCH", () => {
  it("treats active true on a user created without active as no change: absent active is active", async () => {
    const user = await created();
    expect((await h.scim("GET", `${users}/${user.id}`)).body.active).toBe(true);
    const res = await patch(user.id, [{ op: "replace", path: "active", value: true }]);
    expect(res.status).toBe(204);
    expect(res.body.meta.version).toBe(user.meta.version);
    expect((await historyOf(user.id)).map((e) => e.action)).toEqual(["created"]);
  });

  it("answers 200, keeps the version and writes no History event", async () => {
    const user = await created();
    const before = await h.scim("GET", `${users}/${user.id}`);
    const res = await patch(user.id, [
      { op: "replace", path: "displayName", value: "Pat" },
      { op: "Replace", value: { nickName: "P", active: "True" } },
      { op: "add", path: "emails", value: [{ type: "work", value: "pat@example.com", primary: true }] },
    ]);
    expect(res.status).toBe(204);
    expect(res.body.meta.version).toBe(before.body.meta.version);
    expect(res.body.meta.lastModified).toBe(before.body.meta.lastModified);
    expect(res.headers.get("etag")).toBe(before.headers.get("etag"));
    expect((await historyOf(user.id)).map((e) => e.action)).toEqual(["created"]);
  });

  it("counts a real change once: one event and one version step", async () => {
    const user = await created();
    const res = await patch(user.id, [{ op: "replace", path: "displayName", value: "Changed" }]);
    expect(res.body.meta.version).not.toBe(user.meta.version);
    expect((await historyOf(user.id)).map((e) => e.action)).toEqual(["created", "updated"]);
  });
});

describe("refused PATCH operations", () => {
  const cases: { name: string; ops: unknown[]; scimType: string }[] = [
    { name: "replace id", ops: [{ op: "replace", path: "id", value: randomUUID() }], scimType: "mutability" },
    { name: "path-less replace of id", ops: [{ op: "replace", value: { id: randomUUID() } }], scimType: "mutability" },
    { name: "replace meta", ops: [{ op: "replace", path: "meta", value: { created: "2000-01-01T00:00:00Z" } }], scimType: "mutability" },
    { name: "replace meta.created", ops: [{ op: "replace", path: "meta.created", value: "2000-01-01T00:00:00Z" }], scimType: "mutability" },
    { name: "remove id", ops: [{ op: "remove", path: "id" }], scimType: "mutability" },
    { name: "replace schemas", ops: [{ op: "replace", path: "schemas", value: [USER_SCHEMA] }], scimType: "mutability" },
    { name: "remove without a path", ops: [{ op: "remove" }], scimType: "noTarget" },
    { name: "an unknown op", ops: [{ op: "move", path: "nickName", value: "x" }], scimType: "invalidSyntax" },
    { name: "an unknown attribute", ops: [{ op: "replace", path: "shoeSize", value: "x" }], scimType: "invalidPath" },
    { name: "a broken filter path", ops: [{ op: "replace", path: 'emails[type eq "work"', value: "x" }], scimType: "invalidPath" },
    { name: "a boolean that is no boolean", ops: [{ op: "replace", path: "active", value: "maybe" }], scimType: "invalidValue" },
    { name: "a number for a string", ops: [{ op: "replace", path: "name.givenName", value: 42 }], scimType: "invalidValue" },
    { name: "a number for an email value", ops: [{ op: "replace", path: "emails", value: [{ value: 42 }] }], scimType: "invalidValue" },
    { name: "a path-less value that is not an object", ops: [{ op: "replace", value: "x" }], scimType: "invalidValue" },
    { name: "removing the required userName", ops: [{ op: "remove", path: "userName" }], scimType: "invalidValue" },
  ];
  it.each(cases)("answers 400 $scimType to $name and changes nothing", async ({ ops, scimType }) => {
    const user = await created();
    const res = await patch(user.id, [{ op: "replace", path: "nickName", value: "Changed" }, ...ops]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: "400", scimType });
    const after = await h.scim("GET", `${users}/${user.id}`);
    expect(after.body.nickName).toBe("P");
    expect(after.body.meta.version).toBe(user.meta.version);
    expect((await historyOf(user.id)).length).toBe(1);
  });

  it.each([
    ["no schemas", { Operations: [{ op: "replace", path: "nickName", value: "x" }] }],
    ["the User schema instead of PatchOp", { schemas: [USER_SCHEMA], Operations: [{ op: "replace", path: "nickName", value: "x" }] }],
    ["no Operations", { schemas: [PATCH_OP] }],
    ["empty Operations", { schemas: [PATCH_OP], Operations: [] }],
    ["Operations that is an object", { schemas: [PATCH_OP], Operations: { op: "replace" } }],
    ["an operation that is a string", { schemas: [PATCH_OP], Operations: ["replace"] }],
    ["a body that is an array", [{ op: "replace" }]],
  ])("answers 400 invalidSyntax to a PATCH request with %s", async (_name, body) => {
    const user = await created();
    const res = await h.patchAndRead(`${users}/${user.id}`, { body });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidSyntax");
  });
});
