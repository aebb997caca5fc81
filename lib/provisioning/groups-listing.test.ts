import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { memberPagesOfGroup, membersOfGroup, membersOfGroups } from "@/lib/groups/members-of-groups";
import { at, provisionGroup, provisionUsers } from "@/lib/groups/testing";
import { createScimHarness, type ScimHarness } from "./testing";

// Spies on the member loaders, to prove `excludedAttributes=members` reads no member at all
// and a list page reads its members in one query.
vi.mock("@/lib/groups/members-of-groups", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/groups/members-of-groups")>();
  return {
    ...actual,
    memberPagesOfGroup: vi.fn(actual.memberPagesOfGroup),
    membersOfGroup: vi.fn(actual.membersOfGroup),
    membersOfGroups: vi.fn(actual.membersOfGroups),
  };
});

let h: ScimHarness;
let users: string[];
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createScimHarness();
  users = await provisionUsers(h, h.a.entra, 3, "lister");
  ids.alpha = await provisionGroup(h, h.a.entra, "Alpha", [users[0], users[1]]);
  ids.bravo = await provisionGroup(h, h.a.entra, "bravo", [users[1]]);
  ids.charlie = await provisionGroup(h, h.a.entra, "Charlie");
  await h.scim("PATCH", at(h.a.entra, `Groups/${ids.charlie}`), {
    body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "externalId", value: "AAD-C" }] },
  });
});

beforeEach(() => {
  vi.mocked(memberPagesOfGroup).mockClear();
  vi.mocked(membersOfGroup).mockClear();
  vi.mocked(membersOfGroups).mockClear();
});

afterAll(async () => {
  await h?.close();
});

async function list(query: string) {
  const res = await h.scim("GET", at(h.a.entra, `Groups?${query}`));
  expect(res.status).toBe(200);
  return res.body;
}

const filter = (expression: string) => `filter=${encodeURIComponent(expression)}`;
const names = (body: { Resources: { displayName: string }[] }) => body.Resources.map((g) => g.displayName);

describe("GET /Groups filters", () => {
  it("matches displayName case-insensitively, externalId exactly, and id", async () => {
    expect(names(await list(filter('displayName eq "ALPHA"')))).toEqual(["Alpha"]);
    expect(names(await list(filter('externalId eq "AAD-C"')))).toEqual(["Charlie"]);
    expect(names(await list(filter('externalId eq "aad-c"')))).toEqual([]);
    expect(names(await list(filter(`id eq "${ids.bravo}"`)))).toEqual(["bravo"]);
    expect(names(await list(filter('displayName sw "b" or displayName co "arl"')))).toEqual(["bravo", "Charlie"]);
  });

  it("answers Entra's membership check id eq \"G\" and members[value eq \"U\"] without loading members", async () => {
    const check = (group: string, user: string) =>
      list(`${filter(`id eq "${group}" and members[value eq "${user}"]`)}&excludedAttributes=members`);
    const yes = await check(ids.alpha, users[0]);
    expect(yes.totalResults).toBe(1);
    expect(yes.Resources[0]).toMatchObject({ id: ids.alpha, displayName: "Alpha" });
    expect(yes.Resources[0].members).toBeUndefined();
    expect((await check(ids.bravo, users[0])).totalResults).toBe(0);
    expect((await check(ids.alpha, "not-a-uuid")).totalResults).toBe(0);
    expect(membersOfGroup).not.toHaveBeenCalled();
    expect(membersOfGroups).not.toHaveBeenCalled();
  });

  it("refuses an unknown filter attribute with invalidFilter", async () => {
    const res = await h.scim("GET", at(h.a.entra, `Groups?${filter('color eq "red"')}`));
    expect(res.status).toBe(400);
  });
});

describe("members in responses", () => {
  it("GET /Groups/{id}?excludedAttributes=members reads no members", async () => {
    const res = await h.scim("GET", at(h.a.entra, `Groups/${ids.alpha}?excludedAttributes=members`));
    expect(res.body.members).toBeUndefined();
    expect(res.body.displayName).toBe("Alpha");
    expect(membersOfGroup).not.toHaveBeenCalled();
    expect(memberPagesOfGroup).not.toHaveBeenCalled();
  });

  it("GET /Groups/{id} streams members with value, display, $ref and type", async () => {
    const res = await h.scim("GET", at(h.a.entra, `Groups/${ids.bravo}`));
    expect(res.body.members).toEqual([
      { value: users[1], display: "lister 1", $ref: `http://localhost:3000/api/scim/v2/${h.a.entra.integration.appKey}/Users/${users[1]}`, type: "User" },
    ]);
    expect(memberPagesOfGroup).toHaveBeenCalledTimes(1);
    expect(membersOfGroup).not.toHaveBeenCalled();
  });

  it("projects members' sub-attributes: attributes=members.value", async () => {
    const res = await h.scim("GET", at(h.a.entra, `Groups/${ids.bravo}?attributes=members.value`));
    expect(res.body).toEqual({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], id: ids.bravo, members: [{ value: users[1] }] });
  });

  it("a list page loads the members of all its groups in one query", async () => {
    const body = await list("sortBy=displayName");
    expect(names(body)).toEqual(["Alpha", "bravo", "Charlie"]);
    expect(body.Resources[0].members.map((m: { value: string }) => m.value).sort()).toEqual([users[0], users[1]].sort());
    expect(body.Resources[2].members).toBeUndefined();
    expect(membersOfGroups).toHaveBeenCalledTimes(1);
    expect(membersOfGroup).not.toHaveBeenCalled();
    expect((await list("excludedAttributes=members")).Resources.every((g: object) => !("members" in g))).toBe(true);
    expect(membersOfGroups).toHaveBeenCalledTimes(1);
  });
});

describe("sorting, paging and .search", () => {
  it("sorts by displayName (case-insensitively) either way, and by meta.created", async () => {
    expect(names(await list("sortBy=displayName&sortOrder=descending&excludedAttributes=members"))).toEqual(["Charlie", "bravo", "Alpha"]);
    expect(names(await list("sortBy=meta.created&excludedAttributes=members"))).toEqual(["Alpha", "bravo", "Charlie"]);
    expect(names(await list("sortBy=externalId&excludedAttributes=members"))[0]).toBe("Charlie");
    const bad = await h.scim("GET", at(h.a.entra, "Groups?sortBy=members"));
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe("invalidValue");
  });

  it("pages with startIndex and count, with totalResults for the whole set", async () => {
    const page = await list("sortBy=displayName&startIndex=2&count=1");
    expect(page).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(names(page)).toEqual(["bravo"]);
    const counted = await list("count=0");
    expect(counted).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it("searches with POST /Groups/.search", async () => {
    const res = await h.scim("POST", at(h.a.entra, "Groups/.search"), {
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], filter: `members[value eq "${users[1]}"]`, sortBy: "displayName", excludedAttributes: ["members"] },
    });
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(["Alpha", "bravo"]);
    expect(membersOfGroups).not.toHaveBeenCalled();
  });
});
