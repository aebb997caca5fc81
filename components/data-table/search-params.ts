import { z } from "zod";

/** Rows per page of every server-paginated console table. */
export const PAGE_SIZE = 50;

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** One value per key: a repeated parameter (`?page=1&page=2`) counts by its first value. */
export function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/** A 1-based page number; anything else (`0`, `-3`, `abc`) is page 1, never an error. */
export const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

/** Free text of a search box, trimmed and cut to a sane length. */
export const searchParam = z
  .string()
  .catch("")
  .default("")
  .transform((value) => value.trim().slice(0, 200));

/** A choice among `values`, else `fallback` (a hand-edited URL never crashes the page). */
export function choiceParam<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.enum(values).catch(fallback).default(fallback);
}

/** The LIMIT and OFFSET of a page. */
export function pageWindow(page: number, pageSize = PAGE_SIZE): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** The last page that has rows (1 when there are none), for clamping a page past the end. */
export function lastPage(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** `?key=value&…` for a link, leaving out empty values and defaults. */
export function toQueryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
