import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/db/schema";
import { planOf } from "@/db/testing";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { peopleMatching, searchPeople } from "./search-people";

/**
 * The People search on enough people that reading every row costs more than an index: the
 * contains-search must be answered from the trigram index on search_text (migration 0022),
 * on PGlite (which loads pg_trgm where it opens the database) as on PostgreSQL.
 */

let h: ScimHarness;
const PEOPLE = 5_000;

beforeAll(async () => {
  h = await createScimHarness();
  await h.db.execute(sql`
    insert into people (tenant_id, integration_id, user_name, external_id, display_name, primary_email, resource)
    select ${h.a.tenant.id}::uuid, ${h.a.entra.integration.id}::uuid, 'p' || n || '@index.test', 'ext-' || n, 'User ' || n, 'p' || n || '@index.test',
           jsonb_build_object('userName', 'p' || n || '@index.test',
             'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', jsonb_build_object('employeeNumber', 'E' || n, 'department', 'Research'))
    from generate_series(1, ${PEOPLE}::int) as n`);
  // As autovacuum leaves it on PostgreSQL: the GIN index's statistics (which the planner's
  // cost of using it rests on) are only brought up to date by VACUUM.
  await h.db.execute(sql`vacuum analyze people`);
}, 120_000);
afterAll(() => h.close());


describe("the People search index", () => {
  it("answers a rare term's page and count from the trigram index, not by reading every person", async () => {
    const where = peopleMatching(h.a.tenant.id, { search: "E4242" });
    const page = h.db.select({ id: people.id }).from(people).where(where).orderBy(asc(sql`(${people.nameSortKey} collate "C")`), asc(people.id)).limit(50);
    const count = h.db.select({ one: sql`1` }).from(people).where(where).limit(10_001);
    expect(await planOf(h.db, page)).toContain("people_search_text_trgm_idx");
    expect(await planOf(h.db, count)).toContain("people_search_text_trgm_idx");
  });

  it("still finds what the term contains, case-insensitively, with the index", async () => {
    const found = await searchPeople(h.db, h.a.tenant.id, { search: "e4242", limit: 50, offset: 0 });
    expect(found.rows.map((r) => r.userName)).toEqual(["p4242@index.test"]);
    expect((await searchPeople(h.db, h.a.tenant.id, { search: "USER 499", limit: 50, offset: 0 })).total).toBe(11);
    expect((await searchPeople(h.db, h.b.tenant.id, { search: "e4242", limit: 50, offset: 0 })).total).toBe(0);
  });
});

describe("the status filters", () => {
  it("find the few inactive and deleted people from their partial indexes, and exactly them", async () => {
    const seeded = await h.db.select({ id: people.id }).from(people).where(sql`${people.userName} like '%@index.test'`).orderBy(asc(people.id));
    const inactive = seeded.slice(100, 120).map((p) => p.id);
    const deleted = seeded.slice(200, 215).map((p) => p.id);
    await h.db.execute(sql`update people set active = false, deactivated_at = now() where id = any(${`{${inactive.join(",")}}`}::uuid[])`);
    await h.db.execute(sql`update people set deleted_at = now() where id = any(${`{${deleted.join(",")}}`}::uuid[])`);
    await h.db.execute(sql`analyze people`);
    const page = (status: "active" | "inactive" | "deleted") =>
      h.db.select({ id: people.id }).from(people).where(peopleMatching(h.a.tenant.id, { status })).orderBy(asc(people.id)).limit(101);

    expect(await planOf(h.db, page("inactive"))).toContain("people_tenant_inactive_idx");
    expect(await planOf(h.db, page("deleted"))).toContain("people_tenant_deleted_idx");
    expect((await page("inactive")).map((p) => p.id)).toEqual(inactive);
    expect((await page("deleted")).map((p) => p.id)).toEqual(deleted);
    const active = await h.db.select({ id: people.id }).from(people).where(peopleMatching(h.a.tenant.id, { status: "active" }));
    expect(active).toHaveLength(PEOPLE - inactive.length - deleted.length);
  });
});
