import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows-of";
import { createScimHarness } from "@/lib/provisioning/testing";
import { entraGroup, entraUser, externalIdOf, memberPatch, seededGroupId, seededPersonId, seedGroupSql, seedPeopleSql, userNameOf } from "./seeding";

let h: Awaited<ReturnType<typeof createScimHarness>>;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(async () => {
  await h?.close();
});

type Row = Record<string, unknown>;
async function rows(query: ReturnType<typeof sql>): Promise<Row[]> {
  return rowsOf<Row>(await h.db.execute(query));
}
/** A row without what differs between any two rows: its id, owner and timestamps. */
function shape(row: Row): Row {
  const rest = { ...row };
  for (const key of ["id", "tenant_id", "integration_id", "created_at", "updated_at"]) delete rest[key];
  return rest;
}

describe("the HTTP benchmark's seed data", () => {
  it("stores people exactly as POST /Users stores the same Entra body", async () => {
    const a = { key: h.a.entra.integration.appKey };
    const b = { tenantId: h.b.tenant.id, integrationId: h.b.entra.integration.id };
    const posted = await h.scim("POST", `${a.key}/Users`, { body: entraUser(userNameOf(7), externalIdOf(7), 7) });
    expect(posted.status).toBe(201);
    // Two people per statement: 6 and 7, then 8.
    const statements = seedPeopleSql(b, 6, 8, 2);
    expect(statements).toHaveLength(2);
    for (const statement of statements) await h.db.execute(sql.raw(statement));

    const [viaApi] = await rows(sql`select * from people where id = ${posted.body.id}`);
    const [seeded] = await rows(sql`select * from people where tenant_id = ${b.tenantId} and user_name = ${userNameOf(7)}`);
    expect(shape(seeded)).toEqual(shape(viaApi));
    expect(seeded.id).toBe(seededPersonId(b.tenantId, 7));
    expect(seeded.integration_id).toBe(b.integrationId);

    const read = await h.scim("GET", `${h.b.entra.integration.appKey}/Users/${seededPersonId(b.tenantId, 8)}`);
    expect(read.status).toBe(200);
    expect(read.body.userName).toBe(userNameOf(8));
    const found = await h.scim("GET", `${h.b.entra.integration.appKey}/Users?filter=${encodeURIComponent(`externalId eq "${externalIdOf(6)}"`)}`);
    expect(found.body.totalResults).toBe(1);
  });

  it("stores a group and its members exactly as POST /Groups and a member PATCH store them", async () => {
    const b = { tenantId: h.b.tenant.id, integrationId: h.b.entra.integration.id };
    const key = h.a.entra.integration.appKey;
    const posted = await h.scim("POST", `${key}/Groups`, { body: entraGroup("team-1", "ext-team-1") });
    expect(posted.status).toBe(201);
    const person = await h.scim("POST", `${key}/Users`, { body: entraUser(userNameOf(20), externalIdOf(20), 20) });
    expect((await h.scim("PATCH", `${key}/Groups/${posted.body.id}`, { body: memberPatch("Add", [person.body.id]) })).status).toBe(204);

    for (const statement of seedPeopleSql(b, 20, 22)) await h.db.execute(sql.raw(statement));
    for (const statement of seedGroupSql(b, "team-1", [[20, 22]])) await h.db.execute(sql.raw(statement));

    const [viaApi] = await rows(sql`select * from groups where id = ${posted.body.id}`);
    const [seeded] = await rows(sql`select * from groups where id = ${seededGroupId(b.tenantId, "team-1")}`);
    // The member PATCH moved the API group to version 2; a seeded group is as first stored.
    expect(shape(seeded)).toEqual({ ...shape(viaApi), version: 1 });
    const members = await rows(sql`select person_id from group_members where group_id = ${seeded.id} order by person_id`);
    expect(members.map((m) => m.person_id)).toEqual([20, 21, 22].map((n) => seededPersonId(b.tenantId, n)).sort());
    const [membership] = await rows(sql`select tenant_id from group_members where person_id = ${person.body.id}`);
    expect(membership.tenant_id).toBe(h.a.tenant.id);
  });
});
