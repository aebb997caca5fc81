import { and, eq, like, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, groupMembers, people } from "@/db/schema";
import { actionsOf, at, memberIdsOf, patchBody, provisionGroup, provisionUsers, versionOf } from "@/lib/groups/testing";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

let h: ScimHarness;

beforeAll(async () => {
  h = await createScimHarness();
});

afterAll(async () => {
  await h?.close();
});

const add = (ids: string[]) => patchBody({ op: "add", path: "members", value: ids.map((value) => ({ value, $ref: null })) });

describe("concurrent membership PATCHes on one group", () => {
  it("end in the union of their members, each bumping the version once", async () => {
    const users = await provisionUsers(h, h.a.entra, 12, "concurrent");
    const id = await provisionGroup(h, h.a.entra, "Concurrent");
    const batches = [users.slice(0, 3), users.slice(3, 6), users.slice(6, 9), users.slice(9, 12)];
    const results = await Promise.all(batches.map((batch) => h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: add(batch) })));
    expect(results.map((r) => r.status)).toEqual([204, 204, 204, 204]);
    expect(await memberIdsOf(h, h.a.entra, id)).toEqual([...users].sort());
    expect(await versionOf(h, h.a.entra, id)).toBe('W/"5"');
    expect((await actionsOf(h.db, id)).filter((a) => a === "member_added")).toHaveLength(12);
  });

  it("keep a concurrent removal and addition of different members both applied", async () => {
    const [stays, leaves, joins] = await provisionUsers(h, h.a.okta, 3, "race");
    const id = await provisionGroup(h, h.a.okta, "Race", [stays, leaves]);
    const [removal, addition] = await Promise.all([
      h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: patchBody({ op: "remove", path: `members[value eq "${leaves}"]` }) }),
      h.scim("PATCH", at(h.a.okta, `Groups/${id}`), { body: add([joins]) }),
    ]);
    expect([removal.status, addition.status]).toEqual([204, 204]);
    expect(await memberIdsOf(h, h.a.okta, id)).toEqual([stays, joins].sort());
  });
});

describe("a large group", () => {
  const SIZE = 10_000;
  let installed: Installed;
  let bulk: string[];

  beforeAll(async () => {
    installed = await h.install(h.a.tenant, "entra");
    // 10,000 people through POST /Users would take minutes; the rows are what a POST stores.
    await h.db.execute(sql`
      insert into people (tenant_id, integration_id, user_name, resource)
      select ${h.a.tenant.id}::uuid, ${installed.integration.id}::uuid, 'bulk-' || n || '@example.com',
             jsonb_build_object('schemas', jsonb_build_array(${USER_SCHEMA}::text), 'userName', 'bulk-' || n || '@example.com')
      from generate_series(1, ${SIZE}::int) as n`);
    const rows = await h.db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.integrationId, installed.integration.id), like(people.userName, "bulk-%")));
    bulk = rows.map((r) => r.id);
    expect(bulk).toHaveLength(SIZE);
  });

  it("takes 10,000 members in one PATCH, with History for each on both sides", async () => {
    const id = await provisionGroup(h, installed, "Everyone");
    const res = await h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: add(bulk) });
    expect(res.status).toBe(204);
    expect(res.headers.get("etag")).toBe('W/"2"');
    const [{ count }] = await h.db.select({ count: sql<number>`count(*)::int` }).from(groupMembers).where(eq(groupMembers.groupId, id));
    expect(count).toBe(SIZE);
    const byAction = await h.db
      .select({ action: events.action, count: sql<number>`count(*)::int` })
      .from(events)
      .where(
        and(
          eq(events.tenantId, h.a.tenant.id),
          sql`${events.action} in ('member_added', 'joined_role')`,
          or(eq(events.subjectId, id), sql`${events.changes}::text like ${`%${id}%`}`),
        ),
      )
      .groupBy(events.action);
    expect(Object.fromEntries(byAction.map((r) => [r.action, r.count]))).toEqual({ member_added: SIZE, joined_role: SIZE });

    const read = await h.scim("GET", at(installed, `Groups/${id}`), { as: installed });
    expect(read.body.members).toHaveLength(SIZE);
    expect(read.body.members.map((m: { value: string }) => m.value).sort()).toEqual([...bulk].sort());
    expect(read.body.members[0]).toMatchObject({ display: expect.stringMatching(/^bulk-\d+@example\.com$/), type: "User" });

    const light = await h.scim("GET", at(installed, `Groups/${id}?excludedAttributes=members`), { as: installed });
    expect(light.body.members).toBeUndefined();

    const user = await h.scim("GET", at(installed, `Users/${bulk[SIZE - 1]}`), { as: installed });
    expect(user.body.groups).toEqual([expect.objectContaining({ value: id, display: "Everyone" })]);
  });

  it("adds one member to the big group as one row and one pair of events; re-adding all changes nothing", async () => {
    const id = await provisionGroup(h, installed, "Big plus one", bulk.slice(0, SIZE - 1));
    const eventsBefore = (await actionsOf(h.db, id)).length;
    expect((await h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: add([bulk[SIZE - 1]]) })).status).toBe(204);
    expect((await actionsOf(h.db, id)).length).toBe(eventsBefore + 1);
    const version = await versionOf(h, installed, id);
    expect((await h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body: add(bulk) })).status).toBe(204);
    expect(await versionOf(h, installed, id)).toBe(version);
    expect((await actionsOf(h.db, id)).length).toBe(eventsBefore + 1);
  });

  it("removes half of a big group with Entra's value array, keeping the other half", async () => {
    const id = await provisionGroup(h, installed, "Halved", bulk);
    const removed = bulk.slice(0, SIZE / 2);
    const body = patchBody({ op: "Remove", path: "members", value: removed.map((value) => ({ value })) });
    expect((await h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body })).status).toBe(204);
    const left = await h.db.select({ personId: groupMembers.personId }).from(groupMembers).where(eq(groupMembers.groupId, id));
    expect(left.map((r) => r.personId).sort()).toEqual(bulk.slice(SIZE / 2).sort());
  });

  it("replaces a big group's members with an overlapping set, touching only the difference", async () => {
    const id = await provisionGroup(h, installed, "Reshuffled", bulk.slice(0, 6000));
    const next = bulk.slice(4000);
    const body = patchBody({ op: "replace", path: "members", value: next.map((value) => ({ value })) });
    expect((await h.scim("PATCH", at(installed, `Groups/${id}`), { as: installed, body })).status).toBe(204);
    const left = await h.db.select({ personId: groupMembers.personId }).from(groupMembers).where(eq(groupMembers.groupId, id));
    expect(left.map((r) => r.personId).sort()).toEqual([...next].sort());
    const actions = await actionsOf(h.db, id);
    expect(actions.filter((a) => a === "member_removed")).toHaveLength(4000);
    expect(actions.filter((a) => a === "member_added")).toHaveLength(6000 + 4000);
  });
});
