import { invalidFilter } from "./errors";
import type { AttrPath, CompareOp, Filter, FilterValue } from "./filter-ast";
import { getAttr, isPlainObject } from "./json";
import { parseDateTime } from "./parse-date-time";

export type MatchOptions = {
  /**
   * Whether string comparisons on `path` are case-sensitive (RFC 7643 section 2.4,
   * "caseExact"); default: case-insensitive. Inside a value path the path is qualified by the
   * outer attribute: `emails[value eq "x"]` asks about `{ attr: "emails", sub: "value" }`.
   */
  caseExact?: (path: AttrPath) => boolean;
};

/**
 * Evaluates a filter against one JSON object in memory: PATCH uses it to pick the values of a
 * multi-valued attribute (`emails[type eq "work"]`, RFC 7644 section 3.5.2). The semantics
 * are those of `filterToSql`:
 * - attribute names and schema URNs match keys case-insensitively (RFC 7643 section 2.1);
 *   a URN selects the extension object under that key, or the top level for a core schema;
 * - a multi-valued attribute matches when any of its values does, and a complex value
 *   compared without a sub-attribute is compared by its `value` (RFC 7644 section 3.4.2.2);
 * - `ne` matches a present value that differs: an absent attribute has nothing to compare, so
 *   use `not (attr eq v)` to include it; `eq null` means not present, `ne null` present;
 * - `pr` is present and not null, "", [] or {};
 * - two strings that both parse as xsd:dateTime are compared as instants.
 */
export function matchesFilter(filter: Filter, value: unknown, options: MatchOptions = {}): boolean {
  switch (filter.kind) {
    case "and":
      return matchesFilter(filter.left, value, options) && matchesFilter(filter.right, value, options);
    case "or":
      return matchesFilter(filter.left, value, options) || matchesFilter(filter.right, value, options);
    case "not":
      return !matchesFilter(filter.filter, value, options);
    case "present":
      return isPresentAt(value, filter.path);
    case "compare":
      return compareAt(value, filter.path, filter.op, filter.value, caseExactOf(options, filter.path));
    case "valuePath": {
      const outer = filter.path;
      const inner: MatchOptions = {
        caseExact: (p) => caseExactOf(options, { ...(outer.urn ? { urn: outer.urn } : {}), attr: outer.attr, sub: p.attr }),
      };
      return asList(attributeOf(value, outer)).some((item) => matchesFilter(filter.filter, item, inner));
    }
  }
}

function caseExactOf(options: MatchOptions, path: AttrPath): boolean {
  return options.caseExact?.(path) ?? false;
}

function isPresentAt(value: unknown, path: AttrPath): boolean {
  const attribute = attributeOf(value, path);
  if (path.sub === undefined) return isPresent(attribute);
  return asList(attribute).some((item) => isPresent(getAttr(item, path.sub!)));
}

function compareAt(value: unknown, path: AttrPath, op: CompareOp, operand: FilterValue, caseExact: boolean): boolean {
  if (operand === null) {
    if (op === "eq") return !isPresentAt(value, path);
    if (op === "ne") return isPresentAt(value, path);
    throw invalidFilter(`"${op}" cannot compare with null; use "pr" or "eq null"`);
  }
  if ((op === "co" || op === "sw" || op === "ew") && typeof operand !== "string") {
    throw invalidFilter(`"${op}" needs a string value`);
  }
  if (typeof operand === "boolean" && op !== "eq" && op !== "ne") {
    throw invalidFilter(`"${op}" cannot order booleans`);
  }
  return comparableValues(value, path).some((leaf) => compareLeaf(leaf, op, operand, caseExact));
}

/** The scalar values a comparison looks at: sub-attributes of every item, else items' `value`. */
function comparableValues(value: unknown, path: AttrPath): unknown[] {
  const attribute = attributeOf(value, path);
  const leaves = path.sub !== undefined
    ? asList(attribute).map((item) => getAttr(item, path.sub!))
    : Array.isArray(attribute)
      ? attribute.map((item) => (isPlainObject(item) ? getAttr(item, "value") : item))
      : [attribute];
  // A complex value compared as a whole has no scalar to compare: like filterToSql, no match.
  return leaves.filter((leaf) => typeof leaf === "string" || typeof leaf === "number" || typeof leaf === "boolean");
}

function compareLeaf(leaf: unknown, op: CompareOp, operand: string | number | boolean, caseExact: boolean): boolean {
  if (op === "ne") return !compareLeaf(leaf, "eq", operand, caseExact);
  if (typeof leaf === "string" && typeof operand === "string") return compareStrings(leaf, op, operand, caseExact);
  if (typeof leaf === "number" && typeof operand === "number") return order(leaf, op, operand);
  if (typeof leaf === "boolean" && typeof operand === "boolean") return op === "eq" && leaf === operand;
  return false;
}

function compareStrings(leaf: string, op: CompareOp, operand: string, caseExact: boolean): boolean {
  const a = caseExact ? leaf : leaf.toLowerCase();
  const b = caseExact ? operand : operand.toLowerCase();
  if (op === "co") return a.includes(b);
  if (op === "sw") return a.startsWith(b);
  if (op === "ew") return a.endsWith(b);
  const leafTime = parseDateTime(leaf);
  const operandTime = leafTime && parseDateTime(operand);
  if (leafTime && operandTime) return order(leafTime.epochMs, op, operandTime.epochMs);
  return order(a, op, b);
}

function order<T extends string | number>(a: T, op: CompareOp, b: T): boolean {
  switch (op) {
    case "eq":
      return a === b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    default:
      return false;
  }
}

/** `value[urn][attr]` for an extension URN key, else `value[attr]`, ignoring case. */
function attributeOf(value: unknown, path: AttrPath): unknown {
  if (path.urn === undefined) return getAttr(value, path.attr);
  const extension = getAttr(value, path.urn);
  if (isPlainObject(extension)) return getAttr(extension, path.attr);
  return /^urn:ietf:params:scim:schemas:core:/i.test(path.urn) ? getAttr(value, path.attr) : undefined;
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** RFC 7644 section 3.4.2.2 "pr": a non-empty value, or a non-empty node for complex attributes. */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}
