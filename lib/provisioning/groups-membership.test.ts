import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionsOf, addMembersBody, at, historyOf, memberIdsOf, patchBody, provisionGroup, provisionUsers, versionOf, withIds } from "@/lib/groups/testing";
import { entraGroupAddMembers, entraGroupRemoveMemberByFilter, entraGroupRemoveMembers } from "@/lib/scim/fixtures/entra";
import { oktaGroupPatchMembers, oktaGroupPatchReplaceMembers, oktaGroupPutMembers } from "@/lib/scim/fixtures/okta";
import { createScimHarness, type ScimHarness } from "./testing";

/** The member ids Entra's and Okta's documented examples use, swapped for real people below. */
const ENTRA_MEMBER = "f648f8d5ea4e4cd38e9c";
const ENTRA_FILTERED_MEMBER = "7f4bc1a3-285e-48ae-8202-5accb43efb0e";
const OKTA_MEMBER = "23a35c27-23d3-4c03-b4c5-6443c09e7173";
const OKTA_OTHER_MEMBER = "89bb1940-b905-4575-9e7f-6f887cfb368e";

let h: ScimHarness;
let entraUsers: string[];
let oktaUsers: string[];

beforeAll(async () => {
  h = await createScimHarness();
  entraUsers = await provisionUsers(h, h.a.entra, 4, "entra");
  oktaUsers = await provisionUsers(h, h.a.okta, 3, "okta");
});

afterAll(async () => {
  await h?.close();
});

const sorted = (ids: string[]) => [...ids].sort();

describe("the five membership shapes as Entra ID sends them", () => {
  it("adds with a value array, many members at once, bumping the version once", async () => {
    const [u0, u1, u2] = entraUsers;
    const id = await provisionGroup(h, h.a.entra, "Entra add", [u0]);
    const body = withIds(entraGroupAddMembers, { [ENTRA_MEMBER]: u1 });
    body.Operations[0].value.push({ $ref: null, value: u2 });
    const res = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body });
    expect(res.status).toBe(204);
    expect(res.headers.get("etag")).toBe('W/"2"');
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual(sorted([u0, u1, u2]));
    expect(await actionsOf(h.db, id)).toEqual(["created", "member_added", "member_added", "member_added"]);
  });

  it("removes with a value array only the listed members, never all", async () => {
    const [u0, u1, u2] = entraUsers;
    const id = await provisionGroup(h, h.a.entra, "Entra remove", [u0, u1, u2]);
    const res = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: withIds(entraGroupRemoveMembers, { [ENTRA_MEMBER]: u1 }) });
    expect(res.status).toBe(204);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual(sorted([u0, u2]));
    expect(await actionsOf(h.db, u1, "person")).toContain("left_role");
  });

  it("removes by the filter path members[value eq \"U\"]", async () => {
    const [u0, u1] = entraUsers;
    const id = await provisionGroup(h, h.a.entra, "Entra filter", [u0, u1]);
    const body = withIds(entraGroupRemoveMemberByFilter, { [ENTRA_FILTERED_MEMBER]: u0 });
    expect((await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body })).status).toBe(204);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([u1]);
  });

  it("removes every member when remove names members without a value (RFC 7644 section 3.5.2.2)", async () => {
    const id = await provisionGroup(h, h.a.entra, "Entra clear", entraUsers.slice(0, 3));
    expect((await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: patchBody({ op: "Remove", path: "members" }) })).status).toBe(204);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([]);
    expect((await actionsOf(h.db, id)).filter((a) => a === "member_removed")).toHaveLength(3);
  });
});

describe("the five membership shapes as Okta sends them", () => {
  it("removes by filter then adds, in one PATCH, in order", async () => {
    const [o0, o1, o2] = oktaUsers;
    const id = await provisionGroup(h, h.a.okta, "Okta patch", [o0, o1]);
    const body = withIds(oktaGroupPatchMembers, { [OKTA_OTHER_MEMBER]: o0, [OKTA_MEMBER]: o2 });
    expect((await h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body, basic: true })).status).toBe(204);
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual(sorted([o1, o2]));
    expect(await versionOf(h, h.a.okta, id)).toBe('W/"2"');
  });

  it("replaces the full member set, touching only the difference", async () => {
    const [o0, o1, o2] = oktaUsers;
    const id = await provisionGroup(h, h.a.okta, "Okta replace", [o0, o1]);
    const body = withIds(oktaGroupPatchReplaceMembers, { [OKTA_MEMBER]: o1, [OKTA_OTHER_MEMBER]: o2 });
    expect((await h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body })).status).toBe(204);
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual(sorted([o1, o2]));
    const history = await historyOf(h.db, id);
    expect(history.map((e) => e.action)).toEqual(["created", "member_added", "member_added", "member_removed", "member_added"]);
    const last = history.slice(3).map((e) => [e.action, e.changes]);
    expect(last).toEqual([
      ["member_removed", [{ path: "members", before: { value: o0, display: "okta 0" } }]],
      ["member_added", [{ path: "members", after: { value: o2, display: "okta 2" } }]],
    ]);
  });

  it("replaces the full member set with PUT (App Integration Wizard integrations)", async () => {
    const [o0, o1] = oktaUsers;
    const id = await provisionGroup(h, h.a.okta, "Test SCIMv2", [o0]);
    const res = await h.scim("PUT", at(h.a.okta, `Groups/${id}`), { body: withIds(oktaGroupPutMembers, { [OKTA_MEMBER]: o1 }) });
    expect(res.status).toBe(200);
    expect(res.body.members).toEqual([
      { value: o1, display: "okta 1", $ref: `http://localhost:3000/api/scim/v2/${h.a.okta.integration.appKey}/Users/${o1}`, type: "User" },
    ]);
    expect(await actionsOf(h.db, id)).toEqual(["created", "member_added", "member_removed", "member_added"]);
  });

  it("takes members inside POST", async () => {
    const res = await h.scim("POST", at(h.a.okta, "Groups"), {
      body: { ...oktaGroupPutMembers, displayName: "Okta POST", members: oktaUsers.map((value) => ({ value, display: "x" })) },
    });
    expect(res.status).toBe(201);
    expect(res.body.members.map((m: { value: string }) => m.value).sort()).toEqual(sorted(oktaUsers));
    expect(res.body.meta.version).toBe('W/"1"');
  });

  it("leaves a group without members when PUT has none", async () => {
    const id = await provisionGroup(h, h.a.okta, "Okta PUT empty", oktaUsers);
    expect((await h.scim("PUT", at(h.a.okta, `Groups/${id}`), { body: { displayName: "Okta PUT empty" } })).status).toBe(200);
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual([]);
  });
});

describe("idempotency", () => {
  it("adding an existing member, removing an absent one or replacing with the same set records nothing and bumps nothing", async () => {
    const [u0, u1] = entraUsers;
    const [u2] = await provisionUsers(h, h.a.entra, 1, "outsider");
    const id = await provisionGroup(h, h.a.entra, "Idempotent", [u0, u1]);
    const version = await versionOf(h, h.a.entra, id);
    const noOps = [
      withIds(entraGroupAddMembers, { [ENTRA_MEMBER]: u0 }),
      withIds(entraGroupRemoveMembers, { [ENTRA_MEMBER]: u2 }),
      withIds(entraGroupRemoveMemberByFilter, { [ENTRA_FILTERED_MEMBER]: u2 }),
      patchBody({ op: "replace", path: "members", value: [{ value: u1 }, { value: u0 }] }),
      patchBody({ op: "replace", path: "displayName", value: "Idempotent" }),
    ];
    for (const body of noOps) {
      expect((await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body })).status).toBe(204);
    }
    expect(await versionOf(h, h.a.entra, id)).toBe(version);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual(sorted([u0, u1]));
    expect(await actionsOf(h.db, id)).toEqual(["created", "member_added", "member_added"]);
    expect(await actionsOf(h.db, u2, "person")).toEqual(["created"]);
  });

  it("bumps the version once for a PATCH that renames and changes members in several operations", async () => {
    const [u0, u1] = entraUsers;
    const [u2] = await provisionUsers(h, h.a.entra, 1, "newcomer");
    const id = await provisionGroup(h, h.a.entra, "Several ops", [u0]);
    const body = patchBody(
      { op: "replace", path: "displayName", value: "Several ops renamed" },
      { op: "add", path: "members", value: [{ value: u1 }] },
      { op: "remove", path: `members[value eq "${u0}"]` },
      { op: "add", value: { members: [{ value: u2 }] } },
    );
    expect((await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body })).status).toBe(204);
    expect(await versionOf(h, h.a.entra, id)).toBe('W/"2"');
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual(sorted([u1, u2]));
    // The people's side names the role as it is after the request.
    const [joined] = (await historyOf(h.db, u2)).filter((e) => e.action === "joined_role" && e.subjectType === "person");
    expect(joined.changes).toEqual([{ path: "groups", after: { value: id, display: "Several ops renamed" } }]);
  });
});

describe("members that are not users of this integration", () => {
  const unknown = "0b7c6a1e-96a2-4b3b-9d59-7e1c2c9e0f11";

  it("fails the whole PATCH with 400 invalidValue naming each unknown id, changing nothing", async () => {
    const [u0, u1] = entraUsers;
    const id = await provisionGroup(h, h.a.entra, "Strict", [u0]);
    const body = patchBody(
      { op: "remove", path: `members[value eq "${u0}"]` },
      { op: "add", path: "members", value: [{ value: u1 }, { value: unknown }, { value: ENTRA_MEMBER }] },
    );
    const res = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidValue");
    expect(res.body.detail).toContain(unknown);
    expect(res.body.detail).toContain(ENTRA_MEMBER);
    expect(res.body.detail).not.toContain(u1);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([u0]);
    expect(await actionsOf(h.db, id)).toEqual(["created", "member_added"]);
  });

  it("fails a one-operation add naming an unknown id, adding none of the known ones", async () => {
    const [u0, u1] = await provisionUsers(h, h.a.entra, 2, "strict-single");
    const id = await provisionGroup(h, h.a.entra, "Strict single", [u0]);
    const before = await versionOf(h, h.a.entra, id);
    for (const stranger of [unknown, "not-a-uuid"]) {
      const body = addMembersBody([u1, stranger, u1.toUpperCase()]);
      const res = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body });
      expect(res.status).toBe(400);
      expect(res.body.scimType).toBe("invalidValue");
      expect(res.body.detail).toContain(stranger);
      expect(res.body.detail).not.toContain(u1);
    }
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([u0]);
    expect(await actionsOf(h.db, id)).toEqual(["created", "member_added"]);
    expect(await actionsOf(h.db, u1, "person")).toEqual(["created"]);
    expect(await versionOf(h, h.a.entra, id)).toBe(before);
  });

  it("adds a person named twice, in two cases, once", async () => {
    const [u2] = await provisionUsers(h, h.a.entra, 1, "twice-named");
    const id = await provisionGroup(h, h.a.entra, "Twice named");
    const res = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: addMembersBody([u2, u2.toUpperCase()]) });
    expect(res.status).toBeLessThan(300);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([u2]);
    expect(await actionsOf(h.db, id)).toEqual(["created", "member_added"]);
  });

  it("refuses a POST or PUT naming an unknown member; no group is created", async () => {
    const post = await h.scim("POST", at(h.a.entra, "Groups"), { body: { displayName: "Never created", members: [{ value: unknown }] } });
    expect(post.status).toBe(400);
    expect(post.body.detail).toContain(unknown);
    const list = await h.scim("GET", at(h.a.entra, `Groups?filter=${encodeURIComponent('displayName eq "Never created"')}`));
    expect(list.body.totalResults).toBe(0);
    const id = await provisionGroup(h, h.a.entra, "PUT strict", [entraUsers[0]]);
    const put = await h.scim("PUT", at(h.a.entra, `Groups/${id}`), { body: { displayName: "PUT strict", members: [{ value: unknown }] } });
    expect(put.status).toBe(400);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([entraUsers[0]]);
  });

  it("treats a person of another integration of the same tenant, or a deleted one, as unknown", async () => {
    const id = await provisionGroup(h, h.a.entra, "Scope");
    const res = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: patchBody({ op: "add", path: "members", value: [{ value: oktaUsers[0] }] }) });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(oktaUsers[0]);
    const [gone] = await provisionUsers(h, h.a.entra, 1, "gone");
    await h.scim("DELETE", at(h.a.entra, `Users/${gone}`));
    const again = await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: patchBody({ op: "add", path: "members", value: [{ value: gone }] }) });
    expect(again.status).toBe(400);
    expect(again.body.detail).toContain(gone);
  });

  it("refuses a group as a member: nested groups are not supported", async () => {
    const parent = await provisionGroup(h, h.a.entra, "Parent");
    const child = await provisionGroup(h, h.a.entra, "Child");
    const body = patchBody({ op: "add", path: "members", value: [{ value: child, type: "Group" }] });
    const res = await h.scim("PATCH", at(h.a.entra, `Groups/${parent}`), { body });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidValue");
    expect(res.body.detail).toMatch(/nested groups are not supported/i);
    expect(res.body.detail).toContain(child);
  });
});

describe("a user's groups attribute", () => {
  it("is the same in any list as on the user alone: live groups only, by name", async () => {
    const [v0, v1] = await provisionUsers(h, h.a.entra, 2, "listed");
    await provisionGroup(h, h.a.entra, "Listed zeta", [v0, v1]);
    await provisionGroup(h, h.a.entra, "Listed alpha", [v0]);
    const gone = await provisionGroup(h, h.a.entra, "Listed gone", [v0]);
    expect((await h.scim("DELETE", at(h.a.entra, `Groups/${gone}`))).status).toBe(204);
    const filter = encodeURIComponent('userName sw "listed-"');
    const first = await h.scim("GET", at(h.a.entra, `Users?filter=${filter}`));
    const second = await h.scim("GET", at(h.a.entra, `Users?filter=${filter}&startIndex=2&count=1`));
    expect(first.body.totalResults).toBe(2);
    expect(second.body.totalResults).toBe(2);
    const alone0 = await h.scim("GET", at(h.a.entra, `Users/${v0}`));
    const lookup = await h.scim("GET", at(h.a.entra, `Users?filter=${encodeURIComponent(`userName eq "${alone0.body.userName}"`)}`));
    expect(lookup.body.Resources.map((r: { id: string }) => r.id)).toEqual([v0]);
    const everyone = await h.scim("GET", at(h.a.entra, "Users?count=1000"));
    const listed = [...first.body.Resources, ...second.body.Resources, ...lookup.body.Resources, ...everyone.body.Resources];
    expect(listed.filter((r: { id: string }) => r.id === v0)).toHaveLength(3);
    for (const id of [v0, v1]) {
      const alone = await h.scim("GET", at(h.a.entra, `Users/${id}`));
      for (const resource of listed.filter((r: { id: string }) => r.id === id)) expect(resource.groups).toEqual(alone.body.groups);
    }
    const displays = (id: string) => listed.find((r: { id: string }) => r.id === id).groups.map((g: { display: string }) => g.display);
    expect(displays(v0)).toEqual(["Listed alpha", "Listed zeta"]);
    expect(displays(v1)).toEqual(["Listed zeta"]);
    const without = await h.scim("GET", at(h.a.entra, `Users?filter=${filter}&excludedAttributes=groups`));
    expect(without.body.Resources.map((r: { groups?: unknown }) => r.groups)).toEqual([undefined, undefined]);
  });

  it("follows memberships written through /Groups: joins, renames and leaves", async () => {
    const [, , , u3] = entraUsers;
    const id = await provisionGroup(h, h.a.entra, "Role one", [u3]);
    const joined = await h.scim("GET", at(h.a.entra, `Users/${u3}`));
    expect(joined.body.groups).toContainEqual(expect.objectContaining({ value: id, display: "Role one" }));
    await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: patchBody({ op: "replace", path: "displayName", value: "Role renamed" }) });
    const renamed = await h.scim("GET", at(h.a.entra, `Users/${u3}`));
    expect(renamed.body.groups).toContainEqual(expect.objectContaining({ value: id, display: "Role renamed" }));
    await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: withIds(entraGroupRemoveMembers, { [ENTRA_MEMBER]: u3 }) });
    const left = await h.scim("GET", at(h.a.entra, `Users/${u3}`));
    expect((left.body.groups ?? []).map((g: { value: string }) => g.value)).not.toContain(id);
    const history = await historyOf(h.db, u3);
    expect(history.filter((e) => e.subjectType === "person").map((e) => e.action)).toEqual(["created", "joined_role", "left_role"]);
    const left_role = history.at(-1)!;
    expect(left_role).toMatchObject({ actorType: "integration", actorLabel: h.a.entra.integration.name });
    expect(left_role.changes).toEqual([{ path: "groups", before: { value: id, display: "Role renamed" } }]);
    expect(left_role.requestId).toBeTruthy();
  });
});
