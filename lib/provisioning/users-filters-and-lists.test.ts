import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/db/schema";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * GET /Users and POST /Users/.search: filters (RFC 7644 section 3.4.2.2), sorting (3.4.2.3),
 * paging (3.4.2.4), projection (3.4.2.5) and the .search body (3.4.3), against the real
 * database, so every filter runs as SQL.
 */

let h: ScimHarness;
let dir: Installed;
let users: string;
const ids: Record<string, string> = {};
let between: string;

const seed = {
  alice: {
    userName: "Alice.Smith@Example.com",
    externalId: "ext-Alice",
    displayName: "Alice Smith",
    title: "Engineer",
    name: { givenName: "Alice", familyName: "Smith" },
    emails: [{ type: "work", value: "alice@example.com", primary: true }, { type: "home", value: "alice@home.net" }],
    [ENTERPRISE_USER_SCHEMA]: { department: "R&D", employeeNumber: "100" },
  },
  bob: {
    userName: "bob.jones@example.com",
    active: false,
    title: "Manager",
    name: { givenName: "Bob", familyName: "Jones" },
    emails: [{ type: "work", value: "bob@corp.org" }],
    [ENTERPRISE_USER_SCHEMA]: { department: "Sales" },
  },
  carol: { userName: "carol@example.org", name: { givenName: "Carol" }, emails: [{ type: "home", value: "carol@example.org" }] },
  dave: { userName: "dave@other.io", emails: [{ type: "work", value: "DAVE@X-Corp.com" }] },
  erin: { userName: "erin@example.com", nickName: "E" },
};
type Name = keyof typeof seed;

beforeAll(async () => {
  h = await createScimHarness();
  dir = await h.install(h.a.tenant, "entra");
  users = `${dir.integration.appKey}/Users`;
  for (const [name, body] of Object.entries(seed)) {
    const res = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], ...body }, as: dir });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  between = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const touched = await h.patchAndRead(`${users}/${ids.erin}`, {
    body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "nickName", value: "Erin" }] },
    as: dir,
  });
  expect(touched.status).toBe(204);
});
afterAll(() => h.close());

const list = (query: string) => h.scim("GET", `${users}?${query}`, { as: dir });
const namesOf = (resources: { id: string }[]) =>
  resources.map((r) => Object.keys(ids).find((name) => ids[name] === r.id)).sort();

describe("filter operators", () => {
  const cases: { filter: () => string; expected: Name[] }[] = [
    { filter: () => 'userName eq "alice.smith@example.com"', expected: ["alice"] },
    { filter: () => 'USERNAME Eq "ALICE.SMITH@EXAMPLE.COM"', expected: ["alice"] },
    { filter: () => 'userName ne "alice.smith@example.com"', expected: ["bob", "carol", "dave", "erin"] },
    { filter: () => 'userName co "EXAMPLE"', expected: ["alice", "bob", "carol", "erin"] },
    { filter: () => 'userName sw "BOB"', expected: ["bob"] },
    { filter: () => 'userName ew ".ORG"', expected: ["carol"] },
    { filter: () => 'userName gt "bob"', expected: ["bob", "carol", "dave", "erin"] },
    { filter: () => 'userName ge "carol@example.org"', expected: ["carol", "dave", "erin"] },
    { filter: () => 'userName lt "carol"', expected: ["alice", "bob"] },
    { filter: () => 'userName le "BOB.JONES@EXAMPLE.COM"', expected: ["alice", "bob"] },
    { filter: () => "title pr", expected: ["alice", "bob"] },
    { filter: () => "not (title pr)", expected: ["carol", "dave", "erin"] },
    { filter: () => "active eq false", expected: ["bob"] },
    { filter: () => '(title eq "Engineer" or title eq "Manager") and active eq true', expected: ["alice"] },
    { filter: () => 'title eq "Engineer" or userName sw "dave" and active eq false', expected: ["alice"] },
    { filter: () => 'emails[type eq "work" and value co "example"]', expected: ["alice"] },
    { filter: () => 'emails[type eq "home"]', expected: ["alice", "carol"] },
    { filter: () => 'emails.value eq "ALICE@EXAMPLE.COM"', expected: ["alice"] },
    { filter: () => 'emails co "x-corp"', expected: ["dave"] },
    { filter: () => 'emails[value ew "@example.org" or value ew "corp.org"]', expected: ["bob", "carol"] },
    { filter: () => 'name.givenName eq "alice"', expected: ["alice"] },
    { filter: () => 'name.familyName pr and not (name.familyName eq "Smith")', expected: ["bob"] },
    { filter: () => `${ENTERPRISE_USER_SCHEMA}:department eq "Sales"`, expected: ["bob"] },
    { filter: () => `${ENTERPRISE_USER_SCHEMA}:employeeNumber pr`, expected: ["alice"] },
    { filter: () => `${USER_SCHEMA}:userName sw "erin"`, expected: ["erin"] },
    { filter: () => 'externalId eq "ext-Alice"', expected: ["alice"] },
    { filter: () => 'externalId eq "EXT-ALICE"', expected: [] },
    { filter: () => `id eq "${ids.carol}"`, expected: ["carol"] },
    { filter: () => 'nickName eq "Erin"', expected: ["erin"] },
    { filter: () => `meta.lastModified gt "${between}"`, expected: ["erin"] },
    { filter: () => `meta.created lt "${between}"`, expected: ["alice", "bob", "carol", "dave", "erin"] },
    { filter: () => `meta.created gt "${between}"`, expected: [] },
  ];
  it.each(cases)("filter %# selects exactly the expected people", async ({ filter, expected }) => {
    const res = await list(`filter=${encodeURIComponent(filter())}`);
    expect(res.status, filter()).toBe(200);
    expect(res.body.totalResults, filter()).toBe(expected.length);
    expect(namesOf(res.body.Resources), filter()).toEqual(expected);
  });

  it("binds filter values: quotes, backslashes and SQL in a userName match only that user", async () => {
    const userName = `O'Brien "q" \\ '); drop table people; --`;
    const made = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName }, as: dir });
    expect(made.status).toBe(201);
    const quoted = JSON.stringify(userName);
    const res = await list(`filter=${encodeURIComponent(`userName eq ${quoted}`)}`);
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0].userName).toBe(userName);
    expect((await h.scim("DELETE", `${users}/${made.body.id}`, { as: dir })).status).toBe(204);
  });

  it.each([
    "userName eq",
    'userName xx "a"',
    '(userName eq "a"',
    'emails[type eq "work"',
    'userName eq "unterminated',
    "userName eq 'alice'",
    "userName eq or",
    'noSuchAttribute eq "x"',
    'userName eq "a" and',
    'meta.created gt "not a date"',
    "and",
  ])("answers 400 invalidFilter to the malformed filter %s", async (filter) => {
    const res = await list(`filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: "400", scimType: "invalidFilter" });
  });
});

describe("sorting", () => {
  it("sorts by userName case-insensitively, ascending and descending", async () => {
    const order = ["alice", "bob", "carol", "dave", "erin"];
    const up = await list("sortBy=userName");
    expect(up.body.Resources.map((r: { id: string }) => r.id)).toEqual(order.map((n) => ids[n]));
    const down = await list("sortBy=userName&sortOrder=descending");
    expect(down.body.Resources.map((r: { id: string }) => r.id)).toEqual([...order].reverse().map((n) => ids[n]));
  });

  it("sorts by meta.lastModified descending, the last modified first", async () => {
    const res = await list("sortBy=meta.lastModified&sortOrder=descending&count=1");
    expect(res.body.Resources[0].id).toBe(ids.erin);
  });

  it("refuses a sortBy it cannot sort by with 400, not 500", async () => {
    const res = await list("sortBy=nickName.nothing");
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidValue");
  });
});

describe("count and startIndex", () => {
  it("counts every match of an eq lookup whose page is full, and pages on", async () => {
    const other = await h.install(h.a.tenant, "okta");
    const twins: string[] = [];
    for (const userName of ["twin-1@example.com", "twin-2@example.com"]) {
      const res = await h.scim("POST", `${other.integration.appKey}/Users`, { body: { schemas: [USER_SCHEMA], userName, displayName: "Twin" }, as: other });
      twins.push(res.body.id);
    }
    const lookup = (query: string) => h.scim("GET", `${other.integration.appKey}/Users?filter=${encodeURIComponent('displayName eq "twin"')}&${query}`, { as: other });
    const first = await lookup("count=1");
    expect(first.body.totalResults).toBe(2);
    expect(first.body.Resources.map((r: { id: string }) => r.id)).toEqual([twins[0]]);
    const second = await lookup("count=1&startIndex=2");
    expect(second.body.totalResults).toBe(2);
    expect(second.body.Resources.map((r: { id: string }) => r.id)).toEqual([twins[1]]);
    const whole = await lookup("count=5");
    expect(whole.body.totalResults).toBe(2);
    expect(whole.body.Resources.map((r: { id: string }) => r.id)).toEqual(twins);
  });

  it("answers count=0 with totalResults and no resources", async () => {
    const res = await list("count=0");
    expect(res.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
  });

  it("returns at most 100 by default and at most 1000 when more are asked for", async () => {
    const many = await h.install(h.b.tenant, "okta");
    const rows = Array.from({ length: 1005 }, (_, i) => ({
      tenantId: many.integration.tenantId,
      integrationId: many.integration.id,
      userName: `bulk-${i}@example.com`,
      resource: { schemas: [USER_SCHEMA], userName: `bulk-${i}@example.com` },
    }));
    await h.db.insert(people).values(rows);
    const path = `${many.integration.appKey}/Users`;
    const byDefault = await h.scim("GET", `${path}?excludedAttributes=emails`, { as: many });
    expect(byDefault.body).toMatchObject({ totalResults: 1005, itemsPerPage: 100 });
    expect(byDefault.body.Resources).toHaveLength(100);
    const capped = await h.scim("GET", `${path}?count=5000&attributes=userName`, { as: many });
    expect(capped.body).toMatchObject({ totalResults: 1005, itemsPerPage: 1000 });
    expect(capped.body.Resources).toHaveLength(1000);
    const config = await h.scim("GET", `${many.integration.appKey}/ServiceProviderConfig`, { as: many });
    expect(config.body.filter.maxResults).toBe(1000);
  });

  it("walks every person exactly once, in pages of the default size and of another", async () => {
    const many = await h.install(h.b.tenant, "okta");
    const userNames = Array.from({ length: 250 }, (_, i) => `walk-${i}@example.com`);
    await h.db.insert(people).values(
      userNames.map((userName) => ({
        tenantId: many.integration.tenantId,
        integrationId: many.integration.id,
        userName,
        resource: { schemas: [USER_SCHEMA], userName },
      })),
    );
    /** Every page from startIndex 1 until one comes back empty; `count` is not sent when undefined. */
    const walk = async (size: number, count?: number) => {
      const seen: string[] = [];
      for (let startIndex = 1; ; startIndex += size) {
        const query = `startIndex=${startIndex}${count === undefined ? "" : `&count=${count}`}&attributes=userName`;
        const page = await h.scim("GET", `${many.integration.appKey}/Users?${query}`, { as: many });
        const expected = Math.max(0, Math.min(size, 250 - (startIndex - 1)));
        expect(page.body).toMatchObject({ totalResults: 250, startIndex, itemsPerPage: expected });
        expect(page.body.Resources).toHaveLength(expected);
        if (expected === 0) return seen;
        seen.push(...page.body.Resources.map((r: { userName: string }) => r.userName));
      }
    };
    const byDefault = await walk(100);
    expect(byDefault).toHaveLength(250);
    expect(new Set(byDefault)).toEqual(new Set(userNames));
    expect(await walk(100, 100)).toEqual(byDefault);
    expect(await walk(70, 70)).toEqual(byDefault);
  });

  it.each([
    ["startIndex=1&count=2", 2],
    ["startIndex=4&count=2", 2],
    ["startIndex=5&count=2", 1],
    ["startIndex=4&count=10", 2],
    ["startIndex=6&count=2", 0],
    ["startIndex=50&count=2", 0],
  ])("says the same totalResults (5) on every page, full, last or past the end: %s", async (query, returned) => {
    const res = await list(query);
    expect(res.body.totalResults).toBe(5);
    expect(res.body.Resources).toHaveLength(returned);
  });

  it.each([
    ["count=2", 2],
    ["count=10", 4],
    ["startIndex=3&count=2", 2],
    ["startIndex=4&count=2", 1],
    ["startIndex=9&count=2", 0],
  ])("counts only the filter's matches (4) on every page of a filtered list: %s", async (query, returned) => {
    const res = await list(`filter=${encodeURIComponent('userName co "example"')}&${query}`);
    expect(res.body.totalResults).toBe(4);
    expect(res.body.Resources).toHaveLength(returned);
  });

  it("treats startIndex below 1 as 1 and a negative count as 0", async () => {
    expect((await list("startIndex=0&count=2")).body).toMatchObject({ startIndex: 1, itemsPerPage: 2 });
    expect((await list("count=-3")).body).toMatchObject({ itemsPerPage: 0, totalResults: 5 });
  });

  it("refuses a non-integer count with 400 invalidValue", async () => {
    const res = await list("count=ten");
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidValue");
  });
});

describe("attributes and excludedAttributes", () => {
  it("returns only the listed attributes plus id and schemas on GET by id", async () => {
    const res = await h.scim("GET", `${users}/${ids.alice}?attributes=userName,name.givenName`, { as: dir });
    expect(res.body).toEqual({ schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], id: ids.alice, userName: "Alice.Smith@Example.com", name: { givenName: "Alice" } });
  });

  it("drops excluded attributes on GET by id but never id", async () => {
    const res = await h.scim("GET", `${users}/${ids.alice}?excludedAttributes=emails,name,id,${ENTERPRISE_USER_SCHEMA}:department`, { as: dir });
    expect(res.body.id).toBe(ids.alice);
    expect(res.body).not.toHaveProperty("emails");
    expect(res.body).not.toHaveProperty("name");
    expect(res.body[ENTERPRISE_USER_SCHEMA]).toEqual({ employeeNumber: "100" });
    expect(res.body.userName).toBe("Alice.Smith@Example.com");
  });

  it("projects every resource of a list", async () => {
    const res = await list("attributes=emails.value&sortBy=userName");
    expect(res.body.Resources[0]).toEqual({
      schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
      id: ids.alice,
      emails: [{ value: "alice@example.com" }, { value: "alice@home.net" }],
    });
    expect(res.body.Resources.every((r: object) => !("userName" in r) && !("meta" in r))).toBe(true);
  });

  it("projects the response of a write", async () => {
    const res = await h.scim("PATCH", `${users}/${ids.dave}?attributes=displayName`, {
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "displayName", value: "Dave" }] },
      as: dir,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ schemas: [USER_SCHEMA], id: ids.dave, displayName: "Dave" });
  });
});

describe("POST /Users/.search", () => {
  it("takes filter, paging, sorting and projection from the JSON body", async () => {
    const res = await h.scim("POST", `${users}/.search`, {
      body: {
        schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
        filter: 'userName co "example"',
        sortBy: "userName",
        sortOrder: "descending",
        startIndex: 2,
        count: 2,
        attributes: ["userName"],
      },
      as: dir,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    const shown = res.body.Resources.map(({ schemas, ...rest }: { schemas: string[] }) => ({ core: schemas[0], ...rest }));
    expect(shown).toEqual([
      { core: USER_SCHEMA, id: ids.carol, userName: "carol@example.org" },
      { core: USER_SCHEMA, id: ids.bob, userName: "bob.jones@example.com" },
    ]);
  });

  it("answers 400 invalidFilter for a malformed filter in the body, and 405 to GET", async () => {
    const bad = await h.scim("POST", `${users}/.search`, { body: { filter: "userName eq" }, as: dir });
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe("invalidFilter");
    expect((await h.scim("GET", `${users}/.search`, { as: dir })).status).toBe(405);
  });

  it.each([[["userName"]], ["filter"], [42]])("answers 400 invalidSyntax to a .search body that is no object: %j", async (body) => {
    const res = await h.scim("POST", `${users}/.search`, { body, as: dir });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidSyntax");
  });
});
