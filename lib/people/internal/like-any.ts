import { sql, type SQL } from "drizzle-orm";
import { containsPattern } from "@/lib/sql/contains-pattern";

/** `expression ILIKE ANY (...)` of "contains" patterns, each bound; false for no needles. */
export function containsAny(expression: SQL, needles: string[]): SQL {
  if (needles.length === 0) return sql`false`;
  const patterns = sql.join(
    needles.map((needle) => sql`${containsPattern(needle)}`),
    sql`, `,
  );
  return sql`${expression} ilike any (array[${patterns}]::text[])`;
}

/** How a value appears in a logged query string (URLSearchParams form: `@` as %40, space as +). */
export function queryEncoded(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
