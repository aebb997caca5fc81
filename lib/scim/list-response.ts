import { z } from "zod";
import { invalidValue } from "./errors";
import { parseAttributeList } from "./projection";
import { LIST_RESPONSE } from "./schemas/urns";

/**
 * Query responses and their parameters (RFC 7644 section 3.4.2): paging by 1-based
 * startIndex and count, sorting, attribute projection, from a GET query string or from the
 * JSON body of POST /.search (section 3.4.3), where the same names carry JSON values.
 */

export type ListResponse<T> = {
  schemas: [typeof LIST_RESPONSE];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
};

/** itemsPerPage is the number of resources returned in this page (RFC 7644 section 3.4.2). */
export function listResponse<T>(resources: T[], page: { totalResults: number; startIndex: number }): ListResponse<T> {
  return {
    schemas: [LIST_RESPONSE],
    totalResults: page.totalResults,
    startIndex: page.startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

export type ListQuery = {
  filter?: string;
  startIndex: number;
  count: number;
  sortBy?: string;
  sortOrder: "ascending" | "descending";
  attributes: string[];
  excludedAttributes: string[];
};

const integer = (name: string) =>
  z
    .union([z.number().int(), z.string().trim().regex(/^[+-]?\d+$/).transform(Number)], {
      error: (issue) => `${name} must be an integer; got ${JSON.stringify(issue.input)}.`,
    })
    .optional();

const text = (name: string) =>
  z.string({ error: (issue) => `${name} must be a string; got ${JSON.stringify(issue.input)}.` }).optional();

const attributeList = (name: string) =>
  z
    .union([z.string().transform(parseAttributeList), z.array(z.string()).transform((names) => names.flatMap(parseAttributeList))], {
      error: () => `${name} must be a comma-separated string or an array of attribute names.`,
    })
    .optional();

const listQuerySchema = z.object({
  filter: text("filter"),
  startIndex: integer("startIndex"),
  count: integer("count"),
  sortBy: text("sortBy"),
  sortOrder: z
    .preprocess(
      (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
      z.enum(["ascending", "descending"], {
        error: (issue) => `sortOrder must be "ascending" or "descending"; got ${JSON.stringify(issue.input)}.`,
      }),
    )
    .optional(),
  attributes: attributeList("attributes"),
  excludedAttributes: attributeList("excludedAttributes"),
});

/**
 * Reads the list parameters; invalid values are refused with invalidValue. Out-of-range
 * numbers are brought into range as RFC 7644 section 3.4.2.4 says: a startIndex below 1 is 1,
 * a negative count is 0, and a count above maxCount is maxCount ("MAY choose to return
 * fewer"). Parameter names are matched case-insensitively; empty values count as absent.
 */
export function parseListQuery(
  params: URLSearchParams | Record<string, unknown>,
  limits: { maxCount: number; defaultCount: number },
): ListQuery {
  const parsed = listQuerySchema.safeParse(byCanonicalName(params));
  if (!parsed.success) throw invalidValue(parsed.error.issues[0].message);
  const query = parsed.data;
  const count = query.count ?? limits.defaultCount;
  return {
    ...(query.filter?.trim() ? { filter: query.filter.trim() } : {}),
    startIndex: Math.min(Math.max(query.startIndex ?? 1, 1), Number.MAX_SAFE_INTEGER),
    count: Math.min(Math.max(count, 0), limits.maxCount),
    ...(query.sortBy?.trim() ? { sortBy: query.sortBy.trim() } : {}),
    sortOrder: query.sortOrder ?? "ascending",
    attributes: query.attributes ?? [],
    excludedAttributes: query.excludedAttributes ?? [],
  };
}

const NAMES = Object.keys(listQuerySchema.shape);

/** The known parameters under their canonical names; the first occurrence wins. */
function byCanonicalName(params: URLSearchParams | Record<string, unknown>): Record<string, unknown> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const name = NAMES.find((n) => n.toLowerCase() === key.toLowerCase());
    if (name && !(name in out) && value !== null && value !== "") out[name] = value;
  }
  return out;
}
