import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OPERATIONS, MAX_PAYLOAD_BYTES } from "@/lib/scim-limits";
import { GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { handleFetchRequest } from "./fetch-adapter";
import { createScimHarness, type ScimHarness } from "./testing";

/**
 * Errors (RFC 7644 section 3.12): the SCIM error body with `status` as a string and the right
 * scimType, application/scim+json responses, application/json requests, the 1 MiB body limit,
 * the PATCH operations limit, and no 500 for any input a client can send.
 */
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

let h: ScimHarness;
let users: string;
beforeAll(async () => {
  h = await createScimHarness();
  users = `${h.a.entra.integration.appKey}/Users`;
});
afterAll(() => h.close());

const newUser = () => ({ schemas: [USER_SCHEMA], userName: `err-${randomUUID()}` });

describe("response format", () => {
  it("answers errors with the SCIM error schema, status as a string, in application/scim+json", async () => {
    const res = await h.scim("GET", `${users}/${randomUUID()}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ schemas: [ERROR], status: "404", detail: expect.any(String) });
    expect(res.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  });

  it("answers successes in application/scim+json and carries a request id", async () => {
    const res = await h.scim("GET", users);
    expect(res.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("accepts application/json request bodies, and no content type at all", async () => {
    const json = await h.scim("POST", users, { body: newUser(), headers: { "content-type": "application/json; charset=utf-8" } });
    expect(json.status).toBe(201);
    const scim = await h.scim("POST", users, { body: newUser(), headers: { "content-type": "application/scim+json" } });
    expect(scim.status).toBe(201);
  });

  it("refuses a body that is not JSON by content type with 415", async () => {
    const res = await h.scim("POST", users, { rawBody: "userName=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(415);
    expect(res.body.status).toBe("415");
  });
});

describe("body size limit", () => {
  const padded = (bytes: number) => {
    const json = JSON.stringify(newUser());
    return json.slice(0, -1) + " ".repeat(bytes - Buffer.byteLength(json)) + "}";
  };

  it("accepts a body of exactly 1 MiB", async () => {
    const res = await h.scim("POST", users, { rawBody: padded(MAX_PAYLOAD_BYTES) });
    expect(res.status).toBe(201);
  });

  it("refuses a body one byte over 1 MiB with 413, without a Content-Length", async () => {
    const res = await h.scim("POST", users, { rawBody: padded(MAX_PAYLOAD_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(res.body.status).toBe("413");
  });

  it("refuses an over-long body whose Content-Length claims it is small", async () => {
    const res = await h.scim("POST", users, { rawBody: padded(2 * MAX_PAYLOAD_BYTES), headers: { "content-length": "100" } });
    expect(res.status).toBe(413);
  });

  it("refuses a declared Content-Length over 1 MiB before reading the body", async () => {
    const res = await h.scim("POST", users, { rawBody: JSON.stringify(newUser()), headers: { "content-length": String(MAX_PAYLOAD_BYTES + 1) } });
    expect(res.status).toBe(413);
  });

  it("refuses an endless chunked stream with 413 and stops reading it", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const request = new Request(`http://localhost:3000/api/scim/v2/${users}`, {
      method: "POST",
      body: stream,
      headers: { authorization: `Bearer ${h.a.entra.secret}`, "content-type": "application/scim+json" },
      duplex: "half",
    } as RequestInit);
    const response = await handleFetchRequest(request, users.split("/"), h.db);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });
});

describe("operations limit", () => {
  const renames = (count: number) => ({
    schemas: [PATCH_OP],
    Operations: Array.from({ length: count }, (_, i) => ({ op: "replace", path: "displayName", value: `Renamed ${i}` })),
  });
  const created = async (path: string, body: object) => {
    const res = await h.scim("POST", path, { body });
    expect(res.status).toBe(201);
    return `${path}/${res.body.id}`;
  };
  const targets = async () => [
    await created(users, newUser()),
    await created(`${h.a.entra.integration.appKey}/Groups`, { schemas: [GROUP_SCHEMA], displayName: `limit-${randomUUID()}` }),
  ];

  it("applies a PATCH of exactly MAX_OPERATIONS operations to a user and to a group", async () => {
    for (const target of await targets()) {
      expect((await h.scim("PATCH", target, { body: renames(MAX_OPERATIONS) })).status).toBeLessThan(300);
      expect((await h.scim("GET", target)).body.displayName).toBe(`Renamed ${MAX_OPERATIONS - 1}`);
    }
  });

  it("refuses one operation more with 400 invalidValue, for users and for groups, changing nothing", async () => {
    for (const target of await targets()) {
      const before = await h.scim("GET", target);
      const res = await h.scim("PATCH", target, { body: renames(MAX_OPERATIONS + 1) });
      expect(res.status).toBe(400);
      expect(res.body.scimType).toBe("invalidValue");
      expect(res.body.detail).toContain(String(MAX_OPERATIONS));
      expect((await h.scim("GET", target)).body.displayName).toBe(before.body.displayName);
    }
  });
});

describe("bad request bodies", () => {
  it.each([
    ["invalid JSON", "{", "invalidSyntax"],
    ["an empty body", "", "invalidSyntax"],
    ["a JSON array", "[]", "invalidSyntax"],
    ["a JSON string", '"user"', "invalidSyntax"],
    ["JSON null", "null", "invalidSyntax"],
  ])("answers 400 %s with %s", async (_name, rawBody, scimType) => {
    const res = await h.scim("POST", users, { rawBody, headers: { "content-type": "application/scim+json" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: "400", scimType });
  });

  it.each([
    ["userName as a number", { userName: 42 }],
    ["userName as an object", { userName: { value: "x" } }],
    ["no userName", { userName: undefined, displayName: "Nobody" }],
    ["a blank userName", { userName: "   " }],
    ["active that is no boolean", { active: "maybe" }],
    ["emails as an object of the wrong shape", { emails: { value: 1 } }],
    ["name as a string", { name: "Jo" }],
    ["two primary emails", { emails: [{ value: "a@x.io", primary: true }, { value: "b@x.io", primary: true }] }],
    ["schemas without the User schema", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"] }],
    ["the enterprise extension as a string", { "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": "Sales" }],
  ])("answers 400 invalidValue to %s", async (_name, fields) => {
    const res = await h.scim("POST", users, { body: { ...newUser(), ...fields } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: "400", scimType: "invalidValue" });
  });

  it("tolerates unknown schema URIs and unknown attributes, and takes null as absent", async () => {
    const res = await h.scim("POST", users, {
      body: { ...newUser(), schemas: [USER_SCHEMA, "urn:example:custom:1.0:User"], shoeSize: 44, nickName: null, name: { givenName: "G", familyName: null } },
    });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty("shoeSize");
    expect(res.body).not.toHaveProperty("nickName");
    expect(res.body.name).toEqual({ givenName: "G" });
  });
});

describe("methods and routes", () => {
  it.each([
    ["DELETE", "Users", 405],
    ["PUT", "Users", 405],
    ["POST", `Users/${randomUUID()}`, 405],
    ["GET", "Nothing", 404],
    ["GET", "Users/a/b", 404],
  ])("answers %s %s with %i", async (method, path, status) => {
    const res = await h.scim(method, `${h.a.entra.integration.appKey}/${path}`, { body: method === "GET" ? undefined : newUser() });
    expect(res.status).toBe(status);
    expect(res.body.status).toBe(String(status));
  });
});

describe("no 500 for bad input", () => {
  const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
  const deepFilter = (n: number) => `${"(".repeat(n)}userName eq "x"${")".repeat(n)}`;
  const bodies: [string, string][] = [
    ["NUL in userName", JSON.stringify({ ...newUser(), userName: "nul\u0000name" })],
    ["NUL in an unknown attribute", JSON.stringify({ ...newUser(), custom: "a\u0000b" })],
    ["NUL in an attribute name", JSON.stringify({ ...newUser(), "nick\u0000Name": "x" })],
    ["a lone surrogate", `{"schemas":["${USER_SCHEMA}"],"userName":"s\\ud800"}`],
    ["a deeply nested unknown attribute", `{"schemas":["${USER_SCHEMA}"],"userName":"deep-${randomUUID()}","custom":${deep(5000)}}`],
    ["a __proto__ key", `{"__proto__":{"userName":"x"},"schemas":["${USER_SCHEMA}"],"userName":"proto-${randomUUID()}"}`],
    ["emails with garbage items", JSON.stringify({ ...newUser(), emails: [null, 1, "x", [], {}] })],
    ["a huge number", `{"schemas":["${USER_SCHEMA}"],"userName":"n","active":1e999}`],
    ["a 20,000-character userName", JSON.stringify({ ...newUser(), userName: "u".repeat(20_000) })],
    ["many attributes", JSON.stringify({ ...newUser(), ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`a${i}`, i])) })],
    ["a manager that is a number", JSON.stringify({ ...newUser(), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { manager: 7 } })],
    ["a PATCH body on POST", JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [] })],
  ];
  it.each(bodies)("POST with %s", async (_name, rawBody) => {
    const res = await h.scim("POST", users, { rawBody });
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) expect(res.body).toMatchObject({ schemas: [ERROR], status: String(res.status) });
  });

  const queries = [
    `filter=${encodeURIComponent('userName eq "nul\u0000"')}`,
    `filter=${encodeURIComponent('emails[value co "\u0000"]')}`,
    `filter=${encodeURIComponent(deepFilter(3000))}`,
    `filter=${encodeURIComponent(Array.from({ length: 2000 }, () => 'userName eq "x"').join(" or "))}`,
    `filter=${encodeURIComponent('meta.created gt "2020-13-45T99:99:99Z"')}`,
    `filter=${encodeURIComponent('id eq "not-a-uuid"')}`,
    `filter=${encodeURIComponent("active eq 7")}`,
    `filter=${encodeURIComponent('userName gt 1e999')}`,
    `filter=${encodeURIComponent('emails[type eq "work"].value eq "x"')}`,
    `filter=${encodeURIComponent("urn:nope:Thing:attr eq 1")}`,
    "filter=%ZZ",
    "startIndex=99999999999999999999999&count=5",
    "count=1e3",
    "startIndex=-5&count=-5",
    "sortBy=&sortOrder=sideways",
    "sortBy=emails[type eq \"work\"]",
    "attributes=,,,&excludedAttributes=%00",
    `attributes=${"a.".repeat(3000)}b`,
  ];
  it.each(queries)("GET /Users?%s", async (query) => {
    const res = await h.scim("GET", `${users}?${query}`);
    expect(res.status).toBeLessThan(500);
  });

  const paths = [`Users/%ZZ`, "Users/%00", `Users/${"x".repeat(5000)}`, "Users/..%2F..%2FGroups", "%ZZ/Users", "Users/%E0%A4%A"];
  it.each(paths)("GET and DELETE %s", async (path) => {
    for (const method of ["GET", "DELETE"]) {
      const res = await h.scim(method, path, { as: h.a.entra });
      expect(res.status, method).toBeLessThan(500);
    }
  });

  const headers: Record<string, string>[] = [
    { authorization: "Bearer" },
    { authorization: "Basic !!!" },
    { authorization: `Basic ${Buffer.from("no-colon").toString("base64")}` },
    { authorization: `Basic ${Buffer.from(":").toString("base64")}` },
    { authorization: `Bearer ${"x".repeat(10_000)}` },
    { authorization: "Negotiate abc" },
    { "if-none-match": '"""' },
    { "if-match": "W/" },
    { "x-request-id": "../../etc/passwd" },
    { "content-type": "application/scim+json; charset=latin1" },
    { "content-length": "abc" },
  ];
  it.each(headers)("PATCH with headers %o", async (extra) => {
    const target = await h.scim("POST", users, { body: newUser() });
    const res = await h.scim("PATCH", `${users}/${target.body.id}`, {
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "nickName", value: "n" }] },
      headers: extra,
    });
    expect(res.status).toBeLessThan(500);
  });
});
