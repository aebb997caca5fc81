import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people, scimRequests } from "@/db/schema";
import { oktaCreateUser, oktaPatchDeactivate, oktaPutDeactivate, oktaPutUpdateUser } from "@/lib/scim/fixtures/okta";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

/**
 * The requests Okta sends, end to end against the real database. Shapes:
 * lib/scim/fixtures/okta.ts, copied from https://developer.okta.com/docs/reference/scim/scim-20/
 * Okta authenticates with HTTP Basic appKey:secret here (seed 003) as well as with a Bearer token.
 */
let h: ScimHarness;
let okta: Installed;
let users: string;
beforeAll(async () => {
  h = await createScimHarness();
  okta = h.a.okta;
  users = `${okta.integration.appKey}/Users`;
});
afterAll(() => h.close());

/** Okta's create body with a fresh login and externalId, and a random password. */
function oktaUser(overrides: Record<string, unknown> = {}) {
  const login = `user.${randomBytes(4).toString("hex")}@okta.local`;
  return {
    ...structuredClone(oktaCreateUser),
    userName: login,
    emails: [{ primary: true, value: login, type: "work" }],
    externalId: randomUUID(),
    password: randomBytes(12).toString("base64url"),
    ...overrides,
  };
}

async function created(overrides: Record<string, unknown> = {}) {
  const res = await h.scim("POST", users, { body: oktaUser(overrides), basic: true });
  expect(res.status).toBe(201);
  return res.body as { id: string; userName: string } & Record<string, unknown>;
}

describe("Okta lookup and create", () => {
  it("looks a user up by userName with Basic appKey:secret and finds none, then the one created", async () => {
    const body = oktaUser();
    const filter = encodeURIComponent(`userName eq "${body.userName}"`);
    const none = await h.scim("GET", `${users}?filter=${filter}&startIndex=1&count=100`, { basic: true });
    expect(none.status).toBe(200);
    expect(none.body.totalResults).toBe(0);
    expect(none.body.Resources).toEqual([]);
    const made = await h.scim("POST", users, { body, basic: true });
    expect(made.status).toBe(201);
    const found = await h.scim("GET", `${users}?filter=${filter}&startIndex=1&count=100`, { basic: true });
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(made.body.id);
  });

  it("creates with a random password that is never returned, stored or logged", async () => {
    const body = oktaUser();
    const res = await h.scim("POST", users, { body, basic: true });
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain(body.password);
    expect(res.body).not.toHaveProperty("password");
    const [row] = await h.db.select().from(people).where(eq(people.id, res.body.id));
    expect(JSON.stringify(row)).not.toContain(body.password);
    expect(row.resource).not.toHaveProperty("password");
    const [logged] = await h.db.select().from(scimRequests).where(eq(scimRequests.requestId, res.headers.get("x-request-id")!));
    expect(logged.method).toBe("POST");
    expect(JSON.stringify(logged)).not.toContain(body.password);
    expect((logged.requestBody as Record<string, unknown>).userName).toBe(body.userName);
    const fetched = await h.scim("GET", `${users}/${res.body.id}`, { basic: true });
    expect(JSON.stringify(fetched.body)).not.toContain(body.password);
  });

  it("keeps Okta's documented attributes: name, displayName, locale, externalId", async () => {
    const user = await created();
    expect(user).toMatchObject({ name: oktaCreateUser.name, displayName: "Test User", locale: "en-US", active: true });
  });
});

describe("Okta GET then PUT", () => {
  it("replaces the user with the documented PUT body and keeps id and meta.created", async () => {
    const user = await created();
    const got = await h.scim("GET", `${users}/${user.id}`, { basic: true });
    expect(got.status).toBe(200);
    const body = { ...structuredClone(oktaPutUpdateUser), id: user.id, userName: user.userName, emails: [{ ...oktaPutUpdateUser.emails[0], value: user.userName, display: user.userName }] };
    const put = await h.scim("PUT", `${users}/${user.id}`, { body, basic: true });
    expect(put.status).toBe(200);
    expect(put.body.id).toBe(user.id);
    expect(put.body.name).toEqual({ givenName: "Another", middleName: "Excited", familyName: "User" });
    expect(put.body.meta.created).toBe(got.body.meta.created);
    expect(put.body.meta.version).not.toBe(got.body.meta.version);
    // A full replace: attributes absent from the PUT are gone.
    expect(put.body).not.toHaveProperty("displayName");
    expect(put.body).not.toHaveProperty("locale");
  });

  it("ignores an id in the PUT body that differs from the URL", async () => {
    const user = await created();
    const put = await h.scim("PUT", `${users}/${user.id}`, { body: { ...oktaPutUpdateUser, userName: user.userName }, basic: true });
    expect(put.status).toBe(200);
    expect(put.body.id).toBe(user.id);
    expect((await h.scim("GET", `${users}/${oktaPutUpdateUser.id}`, { basic: true })).status).toBe(404);
  });
});

describe("Okta deactivate and reactivate", () => {
  it("deactivates and reactivates by path-less PATCH", async () => {
    const user = await created();
    const off = await h.patchAndRead(`${users}/${user.id}`, { body: oktaPatchDeactivate, basic: true });
    expect(off.status).toBe(204);
    expect(off.body.active).toBe(false);
    const onBody = structuredClone(oktaPatchDeactivate);
    onBody.Operations[0].value.active = true;
    const on = await h.patchAndRead(`${users}/${user.id}`, { body: onBody, basic: true });
    expect(on.body.active).toBe(true);
    const [row] = await h.db.select().from(people).where(eq(people.id, user.id));
    expect(row.active).toBe(true);
  });

  it("deactivates and reactivates by PUT with active false and true", async () => {
    const user = await created();
    const put = (active: boolean) =>
      h.scim("PUT", `${users}/${user.id}`, { body: { ...oktaPutDeactivate, userName: user.userName, active }, basic: true });
    const off = await put(false);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await h.db.select().from(people).where(eq(people.id, user.id)))[0].active).toBe(false);
    const filter = encodeURIComponent(`userName eq "${user.userName}" and active eq false`);
    expect((await h.scim("GET", `${users}?filter=${filter}`, { basic: true })).body.totalResults).toBe(1);
    const on = await put(true);
    expect(on.body.active).toBe(true);
    expect((await h.db.select().from(people).where(eq(people.id, user.id)))[0].active).toBe(true);
  });

  it("deactivates a user that is already inactive without error", async () => {
    const user = await created({ active: false });
    const res = await h.patchAndRead(`${users}/${user.id}`, { body: oktaPatchDeactivate, basic: true });
    expect(res.status).toBe(204);
    expect(res.body.active).toBe(false);
  });
});

describe("Okta paging", () => {
  it("pages through 25 users with startIndex and count: none twice, none missing", async () => {
    const paged = await h.install(h.b.tenant, "okta");
    const path = `${paged.integration.appKey}/Users`;
    const made = new Set<string>();
    for (let i = 0; i < 25; i++) {
      const res = await h.scim("POST", path, { body: oktaUser(), as: paged, basic: true });
      made.add(res.body.id);
    }
    const seen: string[] = [];
    for (let startIndex = 1; startIndex <= 25; startIndex += 7) {
      const page = await h.scim("GET", `${path}?startIndex=${startIndex}&count=7`, { as: paged, basic: true });
      expect(page.status).toBe(200);
      expect(page.body.totalResults).toBe(25);
      expect(page.body.startIndex).toBe(startIndex);
      expect(page.body.itemsPerPage).toBe(page.body.Resources.length);
      expect(page.body.Resources.length).toBe(Math.min(7, 25 - startIndex + 1));
      seen.push(...page.body.Resources.map((r: { id: string }) => r.id));
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(made);
    const past = await h.scim("GET", `${path}?startIndex=26&count=7`, { as: paged, basic: true });
    expect(past.body).toMatchObject({ totalResults: 25, itemsPerPage: 0, Resources: [] });
  });
});

describe("Okta Basic auth", () => {
  it("refuses Basic with the right secret under another integration's app key", async () => {
    const header = `Basic ${Buffer.from(`${h.a.entra.integration.appKey}:${okta.secret}`).toString("base64")}`;
    const res = await h.scim("GET", users, { headers: { authorization: header } });
    expect(res.status).toBe(401);
  });

  it("refuses Basic with a wrong secret", async () => {
    const header = `Basic ${Buffer.from(`${okta.integration.appKey}:wrong`).toString("base64")}`;
    const res = await h.scim("GET", users, { headers: { authorization: header } });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/Basic/);
  });
});
