import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./testing";
import type { Database } from "./client";
import { rowsOf } from "./rows-of";

/**
 * natural_sort_key, the People table's sort keys (migrations 0013, 0029, 0031). The stored keys
 * of every person were computed by the earlier bodies, so each later one must give exactly
 * the same key for every value, or old rows and new ones would sort apart.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

async function rows<T>(query: SQL): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(query));
}

describe("natural_sort_key", () => {
  it("prefixes each run of digits with its length, so numbers sort by value", async () => {
    const values = ["", "a", "User 2", "User 10", "a00b", "12ab3", "0007", "x" + "9".repeat(12)];
    const keys = await rows<{ value: string; key: string }>(
      sql`select value, natural_sort_key(value) as key from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as value`,
    );
    expect(Object.fromEntries(keys.map((row) => [row.value, row.key]))).toEqual({
      "": "",
      a: "a",
      "User 2": "User 0012",
      "User 10": "User 00210",
      a00b: "a00200b",
      "12ab3": "00212ab0013",
      "0007": "0040007",
      ["x" + "9".repeat(12)]: "x012" + "9".repeat(12),
    });
    const sorted = await rows<{ value: string }>(
      sql`select value from unnest(array['User 10', 'User 2', 'User 1']) as value order by natural_sort_key(value) collate "C"`,
    );
    expect(sorted.map((row) => row.value)).toEqual(["User 1", "User 2", "User 10"]);
  });

  it("gives the key the first definition gave, for every value", async () => {
    // The first definition's query, as 0013 and 0029 ran it, beside the function as migrated.
    const [{ differ, compared }] = await rows<{ differ: number; compared: number }>(sql`
      with corpus(value) as (
        select value from unnest(array['', '1', 'a1', '1a', 'a1b', '1a2', '  3  ', '.5.6.', 'tab	1', e'line\n2',
                                       'ünï 12 çødé 3', repeat('7', 1000) || 'z', 'x' || repeat('9', 1200)]) as value
        union all select md5(n::text) from generate_series(1, 2000) as n
        union all select 'sync' || n || '@bench.test' from generate_series(1, 2000) as n
        union all select 'Jane ' || chr(65 + n % 26) || ' Doe' from generate_series(1, 100) as n
      )
      select count(*) filter (where natural_sort_key(value) is distinct from (
               select coalesce(string_agg(
                 case when m.part[1] ~ '^[0-9]' then lpad(length(m.part[1])::text, 3, '0') || m.part[1] else m.part[1] end,
                 '' order by m.n), '')
               from regexp_matches(value, '[0-9]+|[^0-9]+', 'g') with ordinality as m(part, n)))::int as differ,
             count(*)::int as compared
      from corpus`);
    expect(compared).toBe(4113);
    expect(differ).toBe(0);
  });

  it("keeps a null a null", async () => {
    const [{ key }] = await rows<{ key: string | null }>(sql`select natural_sort_key(null) as key`);
    expect(key).toBeNull();
  });
});
