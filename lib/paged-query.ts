import { sql } from "drizzle-orm";

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
