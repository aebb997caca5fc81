import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { invalidFilter } from "./errors";
import type { CompareOp } from "./filter-ast";
import type { ScalarTarget } from "./filter-columns";
import { parseDateTime } from "./parse-date-time";
import { isUuid } from "@/lib/is-uuid";

type OrderOp = Exclude<CompareOp, "co" | "sw" | "ew">;
const SQL_OPERATORS: Record<OrderOp, string> = {
  eq: "=",
  ne: "<>",
  gt: ">",
  ge: ">=",
  lt: "<",
  le: "<=",
};

/**
 * One comparison of a stored scalar with a client's value (RFC 7644 section 3.4.2.2 operators),
 * checked against the attribute's type (RFC 7643 section 2.3): strings compare with lower()
 * on both sides unless caseExact, co/sw/ew use LIKE with the value's wildcards escaped,
 * ordering of strings is by code point (COLLATE "C"), dateTime as timestamptz, and a boolean
 * only equals or differs from a boolean.
 */
export function scalarCondition(target: ScalarTarget, op: CompareOp, value: string | number | boolean, label: string): SQL {
  switch (target.type) {
    case "string":
      if (typeof value !== "string") throw invalidFilter(`"${label}" is a string: compare it with a "quoted" value`);
      return target.kind === "column" && target.uuid
        ? uuidCondition(target.column, op, value)
        : stringCondition(valueOf(target), op, value, target.caseExact);
    case "boolean":
      if (typeof value !== "boolean") throw invalidFilter(`"${label}" is a boolean: compare it with true or false`);
      if (op !== "eq" && op !== "ne") throw invalidFilter(`"${label}" is a boolean: only eq and ne apply`);
      // A jsonb boolean reads as the text 'true' or 'false'.
      return compare(valueOf(target), op, target.kind === "json" ? String(value) : value);
    case "dateTime": {
      const instant = typeof value === "string" ? parseDateTime(value) : undefined;
      if (!instant) throw invalidFilter(`"${label}" is a dateTime: compare it with an xsd:dateTime such as "2011-05-13T04:42:34Z"`);
      if (isSubstringOp(op)) throw invalidFilter(`"${label}" is a dateTime: ${op} applies to strings only`);
      return compare(valueOf(target), op, sql`${instant.text}::timestamptz`);
    }
    case "integer":
    case "decimal":
      if (typeof value !== "number") throw invalidFilter(`"${label}" is a number: compare it with a number`);
      if (isSubstringOp(op)) throw invalidFilter(`"${label}" is a number: ${op} applies to strings only`);
      return compare(valueOf(target), op, value);
  }
}

/** "pr": not null, and for strings and jsonb not empty (RFC 7644 section 3.4.2.2). */
export function scalarPresent(target: ScalarTarget): SQL {
  if (target.kind === "json") {
    return sql`coalesce(${target.json} not in ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb), false)`;
  }
  if (target.type === "string" && !target.uuid) return sql`(${target.column} is not null and ${target.column} <> '')`;
  return sql`(${target.column} is not null)`;
}

function stringCondition(expression: SQL, op: CompareOp, value: string, caseExact: boolean): SQL {
  if (isSubstringOp(op)) {
    const pattern = `${op === "sw" ? "" : "%"}${escapeLike(value)}${op === "ew" ? "" : "%"}`;
    return caseExact
      ? sql`(${expression} like ${pattern} escape '\\')`
      : sql`(${expression} ilike ${pattern} escape '\\')`;
  }
  if (op === "eq" || op === "ne") return stringEquality(expression, op, value, caseExact);
  // Byte order, not the server's locale, so ordering agrees with the in-memory matcher.
  return compare(sql`${caseExact ? expression : sql`lower(${expression})`} collate "C"`, op, caseExact ? value : sql`lower(${value})`);
}

/**
 * A string equals (or differs from) `value`, with lower() on both sides unless caseExact.
 * `value` may be a placeholder of a prepared lookup (lib/scim-resources/filter-resources.ts).
 */
export function stringEquality(expression: SQL, op: "eq" | "ne", value: unknown, caseExact: boolean): SQL {
  return caseExact ? compare(expression, op, value) : compare(sql`lower(${expression})`, op, sql`lower(${value})`);
}

/**
 * A uuid column compared with a client's string: a valid uuid compares natively (and can use
 * the index); anything else cannot equal a uuid, so it matches nothing instead of making
 * PostgreSQL fail the cast. co/sw/ew and ordering compare the canonical text form.
 */
function uuidCondition(column: AnyColumn | SQL, op: CompareOp, value: string): SQL {
  if (op === "eq" || op === "ne") {
    if (isUuid(value)) return compare(sql`${column}`, op, sql`${value.toLowerCase()}::uuid`);
    return op === "eq" ? sql`false` : sql`(${column} is not null)`;
  }
  return stringCondition(sql`${column}::text`, op, value, false);
}

function valueOf(target: ScalarTarget): SQL {
  return target.kind === "json" ? sql`(${target.json} #>> '{}')` : sql`${target.column}`;
}

function compare(left: SQL, op: OrderOp, right: unknown): SQL {
  return sql`(${left} ${sql.raw(SQL_OPERATORS[op])} ${right})`;
}

function isSubstringOp(op: CompareOp): op is "co" | "sw" | "ew" {
  return op === "co" || op === "sw" || op === "ew";
}

/** LIKE treats %, _ and the escape character itself specially; a client's value must not. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
