import { z } from "zod";

/**
 * The query string of an /api/v1 list: parameters the endpoint does not know are refused (a
 * misspelt filter must not silently return everything), naming the parameter.
 */
export function apiQuery<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown query parameter: ${issue.keys.join(", ")}` : undefined),
  });
}

/** How many items a page of any /api/v1 list holds: one rule for every list, events included. */
export const apiLimitSchema = z.coerce
  .number({ error: "limit must be a number" })
  .int("limit must be a whole number")
  .min(1, "limit must be at least 1")
  .max(1000, "limit must be at most 1000")
  .default(100)
  .describe("Items per page, 1 to 1000");

/**
 * The position after the last item of a page of people, roles or members: the item's id,
 * opaque to the reader (16 bytes, base64url) so no one builds positions by hand.
 */
export const pageCursorSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, "after must be the next value of an earlier page")
  .transform((value) => {
    const hex = Buffer.from(value, "base64url").toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  })
  .describe("The next value of the previous page; leave it out for the first page");

export function pageCursorOf(id: string): string {
  return Buffer.from(id.replaceAll("-", ""), "hex").toString("base64url");
}

/** A page of a list: `next` is null on the last page, else the `after` of the following one. */
export function apiPageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    next: z.string().nullable().describe("Pass as after for the next page; null on the last page"),
  });
}

/**
 * The page out of rows read with LIMIT limit + 1: the extra row only tells that another page
 * follows, which spares the reader a last request that comes back empty.
 */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { data: T[]; next: string | null } {
  const data = rows.slice(0, limit);
  return { data, next: rows.length > limit ? pageCursorOf(data[data.length - 1].id) : null };
}
