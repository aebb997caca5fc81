import { redirect } from "next/navigation";
import type { z } from "zod";
import { firstValues, lastPage, toQueryString, type RawSearchParams } from "./search-params";

type UrlState = Record<string, string | number | undefined> & { page: number };

/**
 * A server-paginated list's state, kept in its URL: read with the schema (a hand-edited value
 * falls back to its default), and written back into links leaving every default out, page 1
 * included, so each state has one URL.
 */
export function listState<T extends UrlState>(schema: z.ZodType<T>) {
  const defaults = schema.parse({});
  return {
    parse: (raw: RawSearchParams): T => schema.parse(firstValues(raw)),
    href: (path: string, state: T): string =>
      `${path}${toQueryString(Object.fromEntries(Object.entries(state).map(([key, value]) => [key, value === defaults[key] ? undefined : value])))}`,
  };
}

/** A page past the last one (its rows went meanwhile, or the URL was edited) goes to the last. */
export function redirectPastLastPage(page: number, total: number, hrefForPage: (page: number) => string): void {
  if (page > lastPage(total)) redirect(hrefForPage(lastPage(total)));
}
