import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupMembers, groups, people } from "@/db/schema";
import { actionsOf, at, historyOf, memberIdsOf, provisionGroup, provisionUsers, versionOf } from "@/lib/groups/testing";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

let h: ScimHarness;

beforeAll(async () => {
  h = await createScimHarness();
});

afterAll(async () => {
  await h?.close();
});

describe("deleting a person removes their memberships, with History on both sides", () => {
  for (const deleteMode of ["soft", "hard"] as const) {
    it(`in ${deleteMode} delete mode`, async () => {
      const installed: Installed = await h.install(h.a.tenant, "entra", { deleteMode });
      const [leaver, stayer] = await provisionUsers(h, installed, 2, `cascade-${deleteMode}`);
      const one = await provisionGroup(h, installed, `Cascade one ${deleteMode}`, [leaver, stayer]);
      const two = await provisionGroup(h, installed, `Cascade two ${deleteMode}`, [leaver]);
      const before = await versionOf(h, installed, one);

      expect((await h.scim("DELETE", at(installed, `Users/${leaver}`), { as: installed })).status).toBe(204);

      expect(await memberIdsOf(h, installed, one)).toEqual([stayer]);
      expect(await memberIdsOf(h, installed, two)).toEqual([]);
      expect(await h.db.select().from(groupMembers).where(eq(groupMembers.personId, leaver))).toEqual([]);
      expect(await versionOf(h, installed, one)).not.toBe(before);
      const leaverActions = await actionsOf(h.db, leaver, "person");
      expect(leaverActions.filter((a) => a === "left_role")).toHaveLength(2);
      expect(leaverActions.at(-1)).toBe(deleteMode === "hard" ? "deleted_hard" : "deleted");
      for (const group of [one, two]) {
        const removed = (await historyOf(h.db, group)).at(-1)!;
        expect(removed).toMatchObject({ action: "member_removed", actorId: installed.integration.id });
        expect(removed.changes).toEqual([{ path: "members", before: { value: leaver, display: `cascade-${deleteMode} 0` } }]);
      }
      const rows = await h.db.select({ id: people.id }).from(people).where(eq(people.id, leaver));
      expect(rows).toHaveLength(deleteMode === "hard" ? 0 : 1);
    });
  }
});

describe("deleting a group", () => {
  it("records left_role on every member and member_removed plus deleted on the group", async () => {
    const members = await provisionUsers(h, h.a.okta, 3, "group-delete");
    const id = await provisionGroup(h, h.a.okta, "Disbanded", members);
    expect((await h.scim("DELETE", at(h.a.okta, `Groups/${id}`))).status).toBe(204);
    for (const member of members) {
      expect(await actionsOf(h.db, member, "person")).toEqual(["created", "joined_role", "left_role"]);
      const user = await h.scim("GET", at(h.a.okta, `Users/${member}`));
      expect(user.body.groups).toBeUndefined();
    }
    const actions = await actionsOf(h.db, id);
    expect(actions.filter((a) => a === "member_removed")).toHaveLength(3);
    expect(actions.at(-1)).toBe("deleted");
    const [row] = await h.db.select().from(groups).where(eq(groups.id, id));
    expect(row.deletedAt).not.toBeNull();
  });

  it("removes the row in hard delete mode, keeping History", async () => {
    const installed = await h.install(h.a.tenant, "okta", { deleteMode: "hard" });
    const id = await provisionGroup(h, installed, "Hard gone");
    expect((await h.scim("DELETE", at(installed, `Groups/${id}`), { as: installed })).status).toBe(204);
    expect(await h.db.select().from(groups).where(eq(groups.id, id))).toEqual([]);
    expect(await actionsOf(h.db, id)).toEqual(["created", "deleted_hard"]);
  });
});

describe("an integration with groups turned off (Proxyclick takes no groups)", () => {
  let usersOnly: Installed;

  beforeAll(async () => {
    usersOnly = await h.install(h.a.tenant, "okta", { groupsEnabled: false });
  });

  it("answers every Groups endpoint with 501 and a SCIM error saying so (RFC 7644 section 3.12)", async () => {
    const calls: [string, string, unknown?][] = [
      ["GET", "Groups"],
      ["POST", "Groups", { displayName: "Refused" }],
      ["POST", "Groups/.search", {}],
      ["GET", "Groups/00000000-0000-4000-8000-000000000000"],
      ["PATCH", "Groups/00000000-0000-4000-8000-000000000000", { schemas: [], Operations: [] }],
      ["DELETE", "Groups/00000000-0000-4000-8000-000000000000"],
    ];
    for (const [method, path, body] of calls) {
      const res = await h.scim(method, at(usersOnly, path), { as: usersOnly, body });
      expect(res.status, `${method} ${path}`).toBe(501);
      expect(res.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "501" });
      expect(res.body.detail).toMatch(/groups are turned off/i);
    }
    const rows = await h.db.select().from(groups).where(eq(groups.integrationId, usersOnly.integration.id));
    expect(rows).toEqual([]);
  });

  it("does not advertise Group in ResourceTypes or Schemas", async () => {
    const types = await h.scim("GET", at(usersOnly, "ResourceTypes"), { as: usersOnly });
    expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(["User"]);
    expect((await h.scim("GET", at(usersOnly, "ResourceTypes/Group"), { as: usersOnly })).status).toBe(404);
    const schemas = await h.scim("GET", at(usersOnly, "Schemas"), { as: usersOnly });
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).not.toContain("urn:ietf:params:scim:schemas:core:2.0:Group");
    const withGroups = await h.scim("GET", at(h.a.okta, "ResourceTypes"));
    expect(withGroups.body.Resources.map((r: { id: string }) => r.id)).toEqual(["User", "Group"]);
  });
});
