import { sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

/** The LIMIT and OFFSET of one page of a console list. */
export type PageWindow = { limit: number; offset: number };

export type Paged<T> = { rows: T[]; total: number };

/** The SELECT of a count query: `db.select({ total: countAll }).from(…).where(…)`. */
export const countAll = sql<number>`count(*)::int`;

/**
 * One page of a list and the count of everything it matches, for the pager. The count runs
 * first; the rows only when the page can have any, so an empty list or a page past the end
 * (which the page then redirects from) costs one query.
 */
export async function pagedQuery<T>(
  counted: PromiseLike<{ total: number }[]>,
  page: PageWindow,
  rows: (page: PageWindow) => PromiseLike<T[]>,
): Promise<Paged<T>> {
  const [{ total }] = await counted;
  if (total === 0 || page.limit === 0 || page.offset >= total) return { rows: [], total };
  return { rows: await rows(page), total };
}

/**
 * Counting stops past this many matches: an exact count of a million people or log rows is a
 * scan of every matching row (seconds), while the page itself reads 50 rows from an index.
 * Past it a list says "more than 10,000"; narrowing the filter gives an exact count again.
 */
export const COUNT_CAP = 10_000;

/** A page whose `total` is exact up to the cap; `capped` says there are more than that. */
export type CappedPage<T> = Paged<T> & { capped: boolean };

/**
 * pagedQuery with the count stopped at `cap`: `matching` is the list's rows (any column,
 * filtered as the page is), counted only up to cap + 1.
 */
export async function cappedPagedQuery<T>(
  db: Db,
  matching: { table: PgTable; where: SQL | undefined },
  cap: number,
  page: PageWindow,
  rows: (page: PageWindow) => PromiseLike<T[]>,
): Promise<CappedPage<T>> {
  const upToCap = db.select({ one: sql`1` }).from(matching.table).where(matching.where).limit(cap + 1).as("up_to_cap");
  const result = await pagedQuery(db.select({ total: countAll }).from(upToCap), page, rows);
  return { rows: result.rows, total: Math.min(result.total, cap), capped: result.total > cap };
}
