import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./testing";
import type { Database } from "./client";
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
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
    expect(rows[0].n).toBe(8);
  });

  it("refuses a second live person with the same userName in another case", async () => {
    const [tenant] = await database.db.insert(tenants).values({ slug: "t1", name: "T1" }).returning();
    await database.db.insert(people).values({ tenantId: tenant.id, userName: "Ada@Example.com", resource: {} });
    await expect(
      database.db.insert(people).values({ tenantId: tenant.id, userName: "ada@example.com", resource: {} }),
    ).rejects.toThrow();
  });
});
