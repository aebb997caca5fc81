import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groups, people } from "@/db/schema";
import { planOf } from "@/db/testing";
import { outboxInsert } from "@/lib/events/record-history-with-change-events";
import { createScimHarness, type Installed, type ScimHarness } from "@/lib/provisioning/testing";
import { idListValue } from "@/lib/sql/in-id-list";
import { liveMembersAmong } from "./internal/check-member-ids";
import { membershipHistoryInsert } from "./internal/record-membership-events";

/**
 * A member PATCH reads the people it names by their ids. A tenant whose people are newer than
 * the table's statistics (its first sync, until autovacuum analyzes them) is estimated at one
 * row: scoped by a plain tenant equality, that read was planned as a scan of the tenant's
 * whole range in a tenant-leading index, the ids filtered out of it. The ids must find the
 * rows, by the primary key, whatever the statistics say.
 */
let h: ScimHarness;

async function seed(installed: Installed, prefix: string, count: number) {
  await h.db.execute(sql`
    insert into people (tenant_id, integration_id, user_name, resource)
    select ${installed.integration.tenantId}::uuid, ${installed.integration.id}::uuid, ${prefix} || n || '@plan.test', '{}'::jsonb
    from generate_series(1, ${count}::int) as n`);
}

beforeAll(async () => {
  h = await createScimHarness();
  await seed(h.a.entra, "a", 2_000);
  await h.db.execute(sql`analyze people`);
  // Tenant B's people arrive after the statistics were taken: the planner knows none of them.
  // Enough of them that reading the table whole costs more than finding 100 by key.
  await seed(h.b.entra, "b", 20_000);
}, 300_000);
afterAll(() => h.close());


describe("the read of a member PATCH's people", () => {
  it("finds a new tenant's people by their ids, not by scanning the tenant, and only the integration's live ones", async () => {
    const of = (installed: Installed) =>
      h.db.select({ id: people.id }).from(people).where(sql`${people.integrationId} = ${installed.integration.id}::uuid`).limit(100);
    const ids = (await of(h.b.entra)).map((row) => row.id);
    const another = (await of(h.a.entra)).slice(0, 5).map((row) => row.id);
    await h.db.execute(sql`update people set deleted_at = now() where id = ${ids[0]}::uuid`);
    const scope = { tenantId: sql`${h.b.entra.integration.tenantId}::uuid`, integrationId: sql`${h.b.entra.integration.id}::uuid` };
    const read = liveMembersAmong(h.db, scope, sql`${idListValue([...ids, ...another])}::uuid[]`);

    const explained = await planOf(h.db, read);
    expect(explained).toContain("people_pkey");
    expect(explained).not.toMatch(/Index Cond: \(+tenant_id = /);
    expect((await read).map((row) => row.id).sort()).toEqual(ids.slice(1).sort());
  });

  it("writes their History rows reading them by their ids too", async () => {
    const ids = (await h.db.select({ id: people.id }).from(people).where(sql`${people.tenantId} = ${h.b.tenant.id}::uuid`).limit(100)).map((r) => r.id);
    const group = { id: sql`gen_random_uuid()`, tenantId: sql`${h.b.tenant.id}::uuid`, displayName: sql`'Plan'::text` };
    const actor = sql`'cli'::text, null::uuid, 'plan test'::text, null::text`;
    const explained = await planOf(h.db, membershipHistoryInsert(group, "added", sql`${idListValue(ids)}::uuid[]`, actor));
    expect(explained).toContain("people_pkey");
    expect(explained).not.toMatch(/Index Cond: \(+tenant_id = /);
  });

  it("writes their outbox events reading the group and the people named, not whole tables per member", async () => {
    const ids = (await h.db.select({ id: people.id }).from(people).where(sql`${people.tenantId} = ${h.b.tenant.id}::uuid`).limit(100)).map((r) => r.id);
    const [group] = await h.db
      .insert(groups)
      .values({ tenantId: h.b.tenant.id, integrationId: h.b.entra.integration.id, displayName: "Plan", resource: {} })
      .returning();
    const actor = sql`'cli'::text, null::uuid, 'plan test'::text, null::text`;
    const history = membershipHistoryInsert(
      { id: sql`${group.id}::uuid`, tenantId: sql`${h.b.tenant.id}::uuid`, displayName: sql`'Plan'::text` },
      "added",
      sql`${idListValue(ids)}::uuid[]`,
      actor,
    );
    const explained = await planOf(h.db, sql`with h as (${history} returning *) ${outboxInsert({ people: "people", groups: true })}`);
    // The plan is chosen once and kept: a table scanned for the ids History names is read for
    // those rows only, however small the statistics said it was when the plan was made.
    const named = /id = ANY \((?:\(InitPlan \d+\)\.col1|\$\d+)\)/;
    const conditionsOfScans = (table: string) =>
      explained.split("\n").flatMap((line, i, lines) => (new RegExp(` on ${table}(?: |$)`).test(line) ? [lines[i + 1] ?? ""] : []));
    expect(conditionsOfScans("groups"), explained).not.toHaveLength(0);
    for (const condition of conditionsOfScans("groups")) expect(condition, explained).toMatch(named);
    expect(conditionsOfScans("people").filter((condition) => named.test(condition)), explained).toHaveLength(1);
  });
});
