import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/errors";
import { openDatabase, type Database } from "./client";
import { people, tenants } from "./schema";

// The production server's database: PGlite in a worker thread, in a folder, migrated through the
// thread; compared with PGlite opened in this thread, whichever database the project tests.
let dir: string;
let threaded: Database;
let inProcess: Database;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pglite-thread-"));
  [threaded, inProcess] = await Promise.all([openDatabase({ dataDir: dir, thread: true }), openDatabase({})]);
});
afterAll(async () => {
  await Promise.all([threaded?.close(), inProcess?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const count = async (database: Database, slug: string) =>
  (await database.db.select().from(tenants).where(eq(tenants.slug, slug))).length;

describe("PGlite in a worker thread", () => {
  it("answers rows of the same shape and types as PGlite in the same thread", async () => {
    const shapes = [];
    for (const database of [threaded, inProcess]) {
      const [tenant] = await database.db.insert(tenants).values({ slug: "shape", name: "Shape" }).returning();
      const [person] = await database.db
        .insert(people)
        .values({ tenantId: tenant.id, userName: "ada@example.com", resource: { name: { givenName: "Ada" }, emails: [] } })
        .returning();
      const raw = await database.db.execute(sql`select 2::int8 * 3 as big, now() as at, '{"a":[1]}'::jsonb as doc, null::text as nothing`);
      const row = (raw as unknown as { rows: Record<string, unknown>[] }).rows[0];
      shapes.push({ tenant: Object.keys(tenant), createdAt: tenant.createdAt instanceof Date, resource: person.resource, raw: Object.entries(row).map(([k, v]) => [k, typeof v, v instanceof Date]) });
    }
    expect(shapes[0]).toEqual(shapes[1]);
    expect(shapes[0].createdAt).toBe(true);
    expect(shapes[0].resource).toEqual({ name: { givenName: "Ada" }, emails: [] });
  });

  it("starts PostgreSQL with the app's parameters, as PGlite in the same thread does", async () => {
    for (const database of [threaded, inProcess]) {
      const raw = await database.db.execute(sql`select current_setting('shared_buffers') as buffers`);
      expect((raw as unknown as { rows: { buffers: string }[] }).rows[0].buffers).toBe("32MB");
    }
  });

  it("keeps PostgreSQL's error fields: a unique violation is still one, naming its constraint", async () => {
    const error = await threaded.db
      .insert(tenants)
      .values({ slug: "shape", name: "Again" })
      .then(() => undefined, (caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "tenants_slug_unique")).toBe(true);
    let cause = error as { cause?: unknown; code?: string; detail?: string };
    while (cause.cause) cause = cause.cause as typeof cause;
    expect(cause.code).toBe("23505");
    expect(cause.detail).toContain("(slug)=(shape)");
  });

  it("commits a transaction, and rolls it back when its caller throws", async () => {
    await threaded.db.transaction(async (tx) => {
      await tx.insert(tenants).values({ slug: "kept", name: "Kept" });
    });
    await expect(
      threaded.db.transaction(async (tx) => {
        await tx.insert(tenants).values({ slug: "dropped", name: "Dropped" });
        expect((await tx.select().from(tenants).where(eq(tenants.slug, "dropped"))).length).toBe(1);
        throw new Error("the caller changed its mind");
      }),
    ).rejects.toThrow("the caller changed its mind");
    expect(await count(threaded, "kept")).toBe(1);
    expect(await count(threaded, "dropped")).toBe(0);
  });

  it("rolls a savepoint back without the transaction around it", async () => {
    await threaded.db.transaction(async (tx) => {
      await tx.insert(tenants).values({ slug: "outer", name: "Outer" });
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(tenants).values({ slug: "inner", name: "Inner" });
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
    });
    expect([await count(threaded, "outer"), await count(threaded, "inner")]).toEqual([1, 0]);
  });

  it("serialises transactions: concurrent read-then-write increments lose nothing", async () => {
    await threaded.db.execute(sql`create table counter (n int not null)`);
    await threaded.db.execute(sql`insert into counter values (0)`);
    const increment = () =>
      threaded.db.transaction(async (tx) => {
        const { rows } = (await tx.execute(sql`select n from counter`)) as unknown as { rows: { n: number }[] };
        // Another caller's turn would come here if the transactions interleaved.
        await new Promise((resolve) => setImmediate(resolve));
        await tx.execute(sql`update counter set n = ${rows[0].n + 1}`);
      });
    await Promise.all(Array.from({ length: 8 }, increment));
    const { rows } = (await threaded.db.execute(sql`select n from counter`)) as unknown as { rows: { n: number }[] };
    expect(rows[0].n).toBe(8);
  });

  it("runs a statement again with other values of every kind, as PGlite in the same thread", async () => {
    const answers = [];
    for (const database of [threaded, inProcess]) {
      const seen = [];
      for (const [n, doc, flag, at, ids] of [
        [1, { a: [1, "x"] }, true, new Date("2026-01-02T03:04:05.678Z"), "{00000000-0000-4000-8000-000000000001}"],
        [2, null, false, null, "{}"],
        [3, [{ nested: { b: null } }], null, "2026-05-06T00:00:00Z", "{00000000-0000-4000-8000-000000000002,00000000-0000-4000-8000-000000000003}"],
      ] as const) {
        const result = await database.db.execute(
          sql`select ${n}::int8 + 1 as n, ${doc === null ? null : JSON.stringify(doc)}::jsonb as doc, ${flag}::boolean as flag, ${at}::timestamptz as at, cardinality(${ids}::uuid[]) as ids`,
        );
        seen.push((result as unknown as { rows: Record<string, unknown>[] }).rows[0]);
      }
      answers.push(seen);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0].map((row) => row.n)).toEqual([2, 3, 4]);
    expect(answers[0][2].doc).toEqual([{ nested: { b: null } }]);
    // Timestamps come back as text from a raw execute (drizzle parses them per column).
    expect(answers[0][0].at).toBe("2026-01-02 03:04:05.678+00");
    expect(answers[0].map((row) => [row.flag, row.ids])).toEqual([[true, 1], [false, 0], [null, 2]]);
  });

  it("answers a statement whose table a migration changed since it last ran", async () => {
    await threaded.db.execute(sql`create table reshaped (id int primary key)`);
    await threaded.db.execute(sql`insert into reshaped values (${1})`);
    const read = async () => ((await threaded.db.execute(sql`select * from reshaped where id = ${1}`)) as unknown as { rows: Record<string, unknown>[] }).rows;
    expect(await read()).toEqual([{ id: 1 }]);
    await threaded.db.execute(sql`alter table reshaped add column label text not null default 'new'`);
    expect(await read()).toEqual([{ id: 1, label: "new" }]);
  });

  it("keeps answering once it has run more distinct statements than it keeps prepared", async () => {
    // 300 texts, past the 256 the thread keeps; the first is closed, then prepared again.
    for (let k = 0; k < 300; k++) {
      const { rows } = (await threaded.db.execute(sql`select ${k}::int + ${sql.raw(String(k))} as v`)) as unknown as { rows: { v: number }[] };
      expect(rows[0].v).toBe(2 * k);
    }
    const { rows } = (await threaded.db.execute(sql`select ${5}::int + ${sql.raw("0")} as v`)) as unknown as { rows: { v: number }[] };
    expect(rows[0].v).toBe(5);
  });

  it("keeps a statement first run in a rolled-back transaction, and its errors inside one", async () => {
    const insert = (tx: Pick<Database["db"], "insert">, slug: string) => tx.insert(tenants).values({ slug, name: slug });
    await expect(
      threaded.db.transaction(async (tx) => {
        await insert(tx, "in-rolled-back");
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    await insert(threaded.db, "after-rollback");
    const error = await threaded.db
      .transaction(async (tx) => insert(tx, "after-rollback"))
      .then(() => undefined, (caught: unknown) => caught);
    expect(isUniqueViolation(error, "tenants_slug_unique")).toBe(true);
    expect([await count(threaded, "in-rolled-back"), await count(threaded, "after-rollback")]).toEqual([0, 1]);
  });

  it("closes the thread and releases the folder: it opens again, with what was committed", async () => {
    await threaded.close();
    await expect(threaded.db.select().from(tenants)).rejects.toThrow();
    threaded = await openDatabase({ dataDir: dir, thread: true });
    expect(await count(threaded, "kept")).toBe(1);
  });
});
