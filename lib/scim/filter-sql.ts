import { type SQL, sql } from "drizzle-orm";
import { invalidFilter } from "./errors";
import { keyOf } from "./json";
import type { AttrPath, Filter } from "./filter-ast";
import type { AttributeTarget, FilterColumns, ScalarTarget } from "./filter-columns";
import { scalarCondition, scalarPresent } from "./scalar-condition";

export type { FilterColumns } from "./filter-columns";

/**
 * Translates a parsed filter into a WHERE condition through the attribute map `columns`; every
 * value the client sent becomes a bound parameter. Semantics, shared with `matchesFilter`:
 * - a multi-valued attribute matches when any of its values does (RFC 7644 section 3.4.2.2),
 *   written `emails[type eq "work"]`, `emails.value eq "x"` or `emails co "x"` (the `value`
 *   sub-attribute, RFC 7643 section 2.4);
 * - `ne` matches a present value that differs: a NULL column has nothing to compare and is
 *   not matched, `not (attr eq v)` includes it; `eq null` is "not present", `ne null` "present";
 * - `not` treats an unknown (NULL) comparison as false before negating, so
 *   `not (title eq "x")` matches people without a title;
 * - an attribute the map does not know is refused with invalidFilter.
 */
export function filterToSql(filter: Filter, columns: FilterColumns): SQL {
  return compile(filter, (path) => resolveAttribute(columns, path));
}

/** A string stored in a column of its own, compared with lower() unless caseExact. */
export type StringColumnTarget = Extract<ScalarTarget, { kind: "column" }>;

/**
 * `attr eq "value"` on a string column (not a uuid): the lookup identity providers send
 * before a write (`userName eq`, `externalId eq`, `displayName eq`). Its target and value, so
 * the caller can prepare the condition once per attribute (stringEquality) and bind the
 * value; undefined for any other filter, which filterToSql translates.
 */
export function exactMatch(filter: Filter, columns: FilterColumns): { target: StringColumnTarget; value: string } | undefined {
  if (filter.kind !== "compare" || filter.op !== "eq" || typeof filter.value !== "string" || filter.path.sub !== undefined) return undefined;
  const target = resolveAttribute(columns, filter.path);
  if (target.kind !== "column" || target.type !== "string" || target.uuid) return undefined;
  return { target, value: filter.value };
}

/** Finds the stored form of an attribute path, relative to the resource or to a value path. */
type Scope = (path: AttrPath) => AttributeTarget;

function compile(filter: Filter, scope: Scope): SQL {
  switch (filter.kind) {
    case "and":
    case "or":
      return logical(filter.kind, filter, scope);
    case "not":
      return sql`(not coalesce(${compile(filter.filter, scope)}, false))`;
    case "present":
      return present(scope(filter.path), filter.path);
    case "compare": {
      const { path, op, value } = filter;
      if (value === null && op === "eq") return sql`(not coalesce(${present(scope(path), path)}, false))`;
      if (value === null && op === "ne") return present(scope(path), path);
      if (value === null) throw invalidFilter(`"${op}" cannot compare with null; use "pr" or "eq null"`);
      return onValue(scope(path), path, (target, label) => scalarCondition(target, op, value, label));
    }
    case "valuePath":
      return valuePath(filter.path, filter.filter, scope);
  }
}

/** `a and b and c` becomes one flat list, so long chains do not nest deeply in SQL. */
function logical(kind: "and" | "or", filter: Filter, scope: Scope): SQL {
  const operands: SQL[] = [];
  const collect = (f: Filter) => {
    if (f.kind === kind) {
      collect(f.left);
      collect(f.right);
    } else {
      operands.push(compile(f, scope));
    }
  };
  collect(filter);
  return sql`(${sql.join(operands, sql.raw(` ${kind} `))})`;
}

/** Applies a condition on one scalar to `path`, through EXISTS for a multi-valued attribute. */
function onValue(attribute: AttributeTarget, path: AttrPath, condition: (t: ScalarTarget, label: string) => SQL): SQL {
  const label = labelOf(path);
  switch (attribute.kind) {
    case "column":
    case "json":
      if (path.sub !== undefined) throw invalidFilter(`"${labelOf({ ...path, sub: undefined })}" has no sub-attribute "${path.sub}"`);
      return condition(attribute, label);
    case "complex":
      if (path.sub === undefined) throw invalidFilter(`"${label}" is a complex attribute: filter on one of its sub-attributes`);
      return condition(subAttribute(attribute.subAttributes, path), label);
    case "multiValued": {
      // RFC 7643 section 2.4: "value" is the significant value of a multi-valued attribute.
      const sub = subAttribute(attribute.subAttributes, { ...path, sub: path.sub ?? "value" });
      return attribute.exists(condition(sub, label));
    }
  }
}

function present(attribute: AttributeTarget, path: AttrPath): SQL {
  if (path.sub !== undefined || attribute.kind === "column" || attribute.kind === "json") {
    return onValue(attribute, path, (target) => scalarPresent(target));
  }
  if (attribute.kind === "multiValued") return attribute.exists(sql`true`);
  const subs = Object.values(attribute.subAttributes).map(scalarPresent);
  return sql`(${sql.join(subs, sql.raw(" or "))})`;
}

/** `emails[type eq "work" and value co "x"]`: the inner paths name sub-attributes of `emails`. */
function valuePath(path: AttrPath, inner: Filter, scope: Scope): SQL {
  const attribute = scope(path);
  if (attribute.kind !== "complex" && attribute.kind !== "multiValued") {
    throw invalidFilter(`"${labelOf(path)}" has no sub-attributes to filter with [...]`);
  }
  const itemScope: Scope = (p) => {
    if (p.urn !== undefined || p.sub !== undefined) {
      throw invalidFilter(`"${labelOf(p)}" inside "${labelOf(path)}[...]" must be a sub-attribute name`);
    }
    return subAttribute(attribute.subAttributes, { ...path, sub: p.attr });
  };
  const condition = compile(inner, itemScope);
  return attribute.kind === "multiValued" ? attribute.exists(condition) : condition;
}

function subAttribute(subAttributes: Record<string, ScalarTarget>, path: AttrPath): ScalarTarget {
  const target = lookup(subAttributes, path.sub!);
  if (!target) throw invalidFilter(`Unknown attribute "${labelOf(path)}" in filter`);
  return target;
}

/** Core names, core-URN-qualified names, extension-qualified names, then bare extension names. */
function resolveAttribute(columns: FilterColumns, path: AttrPath): AttributeTarget {
  const extensions = Object.entries(columns.extensions ?? {});
  let found: AttributeTarget | undefined;
  if (path.urn === undefined) {
    // RFC 7644 section 3.10: clients MAY omit the core URN and SHOULD (not MUST) qualify extensions.
    found = lookup(columns.attributes, path.attr);
    for (const [, attributes] of extensions) found ??= lookup(attributes, path.attr);
  } else if (path.urn.toLowerCase() === columns.schema.toLowerCase()) {
    found = lookup(columns.attributes, path.attr);
  } else {
    const extension = extensions.find(([urn]) => urn.toLowerCase() === path.urn!.toLowerCase());
    found = extension && lookup(extension[1], path.attr);
  }
  if (!found) throw invalidFilter(`Unknown attribute "${labelOf({ ...path, sub: undefined })}" in filter`);
  return found;
}

/** Attribute names are case-insensitive (RFC 7643 section 2.1). */
function lookup<T>(targets: Record<string, T>, name: string): T | undefined {
  const key = keyOf(targets, name);
  return key === undefined ? undefined : targets[key];
}

function labelOf(path: AttrPath): string {
  const name = path.sub === undefined ? path.attr : `${path.attr}.${path.sub}`;
  return path.urn ? `${path.urn}:${name}` : name;
}
