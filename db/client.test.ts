import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./testing";
import type { Database } from "./client";
import { rowsOf } from "./rows-of";
import { people, tenants } from "./schema";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

describe("database", () => {
  it("applies every migration so the schema's tables exist", async () => {
    const result = await database.db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_name in ('tenants','people','groups','group_members','events','scim_requests','tokens','integrations')`,
    );
    const rows = rowsOf<{ n: number }>(result);
    expect(rows[0].n).toBe(8);
  });

  it("refuses a second live person with the same userName in another case", async () => {
    const [tenant] = await database.db.insert(tenants).values({ slug: "t1", name: "T1" }).returning();
    await database.db.insert(people).values({ tenantId: tenant.id, userName: "Ada@Example.com", resource: {} });
    await expect(
      database.db.insert(people).values({ tenantId: tenant.id, userName: "ada@example.com", resource: {} }),
    ).rejects.toThrow();
  });

  it("answers the same, statement after statement, whether it prepared them or not", async () => {
    const [tenant] = await database.db.insert(tenants).values({ slug: "t2", name: "T2" }).returning();
    const many = [tenant.id, ...Array.from({ length: 99 }, () => crypto.randomUUID())];
    await database.db.transaction(async (tx) => {
      for (let round = 0; round < 3; round++) {
        expect((await tx.select().from(tenants).where(eq(tenants.id, tenant.id))).map((t) => t.slug)).toEqual(["t2"]);
        expect((await tx.select().from(tenants).where(inArray(tenants.id, many))).map((t) => t.slug)).toEqual(["t2"]);
      }
      if (database.kind !== "postgres") return;
      // On the server, the ordinary lookup is now a prepared statement of this connection; the 100-value IN list is not.
      const prepared = (await tx.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[];
      expect(prepared.some((p) => p.statement.includes('from "tenants" where "tenants"."id" = $1'))).toBe(true);
      expect(prepared.some((p) => p.statement.includes('"tenants"."id" in ($1, $2'))).toBe(false);
    });
  });
});
