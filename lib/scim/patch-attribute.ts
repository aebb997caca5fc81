import { invalidValue, mutability, noTarget } from "./errors";
import type { Filter } from "./filter-ast";
import { matchesFilter } from "./filter-match";
import { type JsonObject, deleteAttr, getAttr, isPlainObject, setAttr } from "./json";
import type { PatchTarget } from "./patch-target";
import { coerceSingle, coerceValue, jsonEqual, withoutNulls } from "./patch-value";
import { findSubAttribute } from "./schemas/lookup";
import type { AttributeDef } from "./schemas/types";

type Op = "add" | "remove" | "replace";

/**
 * Applies one operation to an attribute of `container` (the resource, or an extension object):
 * RFC 7644 sections 3.5.2.1 (add), 3.5.2.2 (remove) and 3.5.2.3 (replace).
 */
export function applyToAttribute(container: JsonObject, target: PatchTarget, op: Op, value: unknown): void {
  const attr = target.attr!;
  // RFC 7643 section 2.5: null (and, for replace, no value) leaves the attribute unassigned.
  const unassign = op === "remove" || value === null || (op === "replace" && value === undefined);
  if (target.filter || (target.sub && attr.multiValued)) {
    applyToValues(container, target, unassign ? "remove" : op, value);
  } else if (target.sub) {
    applyToSubAttribute(container, attr, target.sub, unassign ? undefined : value, target.text);
  } else if (unassign || (op === "replace" && Array.isArray(value) && value.length === 0)) {
    removeAttribute(container, attr, op === "remove" ? value : undefined, target.text);
  } else {
    setAttribute(container, attr, op, value, target.text);
  }
}

function setAttribute(container: JsonObject, attr: AttributeDef, op: Op, value: unknown, label: string): void {
  const current = getAttr(container, attr.name);
  assertWritable(attr, current, label);
  const coerced = coerceValue(attr, value, label);
  if (attr.multiValued) {
    const incoming = coerced as unknown[];
    // add appends the values not already present (RFC 7644 section 3.5.2.1); replace sets them all.
    const items = op === "add" ? asArray(current) : [];
    const written = incoming.filter((item) => {
      if (items.some((existing) => jsonEqual(existing, item))) return false;
      items.push(item);
      return true;
    });
    enforceSinglePrimary(items, written, label);
    setOrDelete(container, attr.name, items);
  } else if (attr.type === "complex") {
    // A complex value replaces the sub-attributes it names and leaves the others (RFC 7644
    // sections 3.5.2.1 and 3.5.2.3).
    const merged = isPlainObject(current) ? current : {};
    mergeInto(attr, merged, coerced as JsonObject, label);
    setOrDelete(container, attr.name, merged);
  } else {
    setAttr(container, attr.name, coerced);
  }
}

/**
 * Removes the attribute, or with a value only the values listed: Entra removes group members,
 * and values of other multi-valued attributes, as `{"op":"Remove","path":"members","value":[...]}`
 * (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#update-group-remove-members).
 * Removing what is not there succeeds and changes nothing.
 */
function removeAttribute(container: JsonObject, attr: AttributeDef, listed: unknown, label: string): void {
  const current = getAttr(container, attr.name);
  assertWritable(attr, current, label);
  if (current === undefined) return;
  let next: unknown;
  if (listed !== undefined && listed !== null) {
    const wanted = listedValues(attr, listed, label);
    const isListed = (item: unknown) => wanted.some((w) => matchesListed(item, w));
    next = attr.multiValued ? asArray(current).filter((item) => !isListed(item)) : isListed(current) ? undefined : current;
    if (jsonEqual(next, current)) return;
  }
  if (attr.required && (next === undefined || (Array.isArray(next) && next.length === 0))) {
    throw invalidValue(`${label} is required and cannot be removed`);
  }
  setOrDelete(container, attr.name, next);
}

function applyToSubAttribute(
  container: JsonObject,
  attr: AttributeDef,
  sub: AttributeDef,
  value: unknown,
  label: string,
): void {
  const parent = getAttr(container, attr.name);
  assertNotReadOnly(attr, label);
  const current = isPlainObject(parent) ? getAttr(parent, sub.name) : undefined;
  assertWritable(sub, current, label);
  if (value === undefined) {
    if (current === undefined) return;
    if (sub.required) throw invalidValue(`${label} is required and cannot be removed`);
    deleteAttr(parent as JsonObject, sub.name);
    if (Object.keys(parent as JsonObject).length === 0) deleteAttr(container, attr.name);
    return;
  }
  const next = isPlainObject(parent) ? parent : {};
  setAttr(next, sub.name, coerceValue(sub, value, label));
  setAttr(container, attr.name, next);
}

/**
 * Operations on the values of a multi-valued attribute selected by a filter (all values when
 * there is none): `emails[type eq "work"]`, `emails[type eq "work"].value`, `emails.value`.
 */
function applyToValues(container: JsonObject, target: PatchTarget, op: Op, value: unknown): void {
  const attr = target.attr!;
  const { filter, sub, text } = target;
  assertNotReadOnly(attr, text);
  const items = asArray(getAttr(container, attr.name));
  // String comparisons follow each sub-attribute's caseExact (RFC 7643 section 2.4).
  const caseExact = (path: { attr: string }) => findSubAttribute(attr, path.attr)?.caseExact ?? false;
  const selected = items.filter((item) => !filter || (isPlainObject(item) && matchesFilter(filter, item, { caseExact })));

  if (op === "remove") {
    // RFC 7644 section 3.5.2.2: matched values (or their sub-attribute) are removed; none matched is no change.
    if (!sub) return setOrDelete(container, attr.name, items.filter((item) => !selected.includes(item)));
    for (const item of selected as JsonObject[]) {
      assertWritable(sub, getAttr(item, sub.name), text);
      deleteAttr(item, sub.name);
    }
    return setOrDelete(container, attr.name, items.filter((item) => !isPlainObject(item) || Object.keys(item).length > 0));
  }

  const written: JsonObject[] = [];
  if (selected.length === 0) {
    // RFC 7644 section 3.5.2.3 answers noTarget here, but Entra adds and replaces
    // `emails[type eq "work"].value` on users that have no work email and expects the value to
    // be created (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#update-user-multi-valued-properties):
    // the item is built from the filter's eq clauses; a filter that describes no item is noTarget.
    const item = filter ? itemFromFilter(filter, attr, text) : {};
    if (sub) setAttr(item, sub.name, coerceValue(sub, value, text));
    else mergeInto(attr, item, coerceSingle(attr, value, text) as JsonObject, text);
    items.push(item);
    written.push(item);
  } else {
    for (const item of selected as JsonObject[]) {
      if (sub) {
        assertWritable(sub, getAttr(item, sub.name), text);
        setAttr(item, sub.name, coerceValue(sub, value, text));
      } else {
        mergeInto(attr, item, coerceSingle(attr, value, text) as JsonObject, text);
      }
      written.push(item);
    }
  }
  enforceSinglePrimary(items, written, text);
  setOrDelete(container, attr.name, items);
}

/** The item `emails[type eq "work" and primary eq true]` describes: its eq clauses joined by and. */
function itemFromFilter(filter: Filter, attr: AttributeDef, text: string): JsonObject {
  const describe = (f: Filter): JsonObject | undefined => {
    if (f.kind === "compare" && f.op === "eq" && f.value !== null) {
      return { [findSubAttribute(attr, f.path.attr)!.name]: f.value };
    }
    if (f.kind !== "and") return undefined;
    const left = describe(f.left);
    const right = describe(f.right);
    return left && right && { ...left, ...right };
  };
  const item = describe(filter);
  if (!item) throw noTarget(`"${text}" selects no value and its filter does not describe one to create`);
  return item;
}

/** Sets the sub-attributes of `patch` on `into`; a null sub-attribute is removed. */
function mergeInto(attr: AttributeDef, into: JsonObject, patch: JsonObject, label: string): void {
  for (const [name, value] of Object.entries(patch)) {
    const sub = findSubAttribute(attr, name)!;
    const current = getAttr(into, name);
    if (!jsonEqual(current, value)) assertWritable(sub, current, `${label}.${name}`);
    if (value === null) deleteAttr(into, name);
    else setAttr(into, name, value);
  }
}

/**
 * RFC 7644 section 3.5.2: setting a value's "primary" to true sets it to false on the other
 * values; RFC 7643 section 2.4: at most one value is primary.
 */
function enforceSinglePrimary(items: unknown[], written: unknown[], label: string): void {
  const primaries = written.filter((item) => isPlainObject(item) && getAttr(item, "primary") === true);
  if (primaries.length > 1) throw invalidValue(`${label}: only one value may be primary (RFC 7643 section 2.4)`);
  if (primaries.length === 0) return;
  for (const item of items) {
    if (item !== primaries[0] && isPlainObject(item) && getAttr(item, "primary") === true) setAttr(item, "primary", false);
  }
}

function listedValues(attr: AttributeDef, listed: unknown, label: string): unknown[] {
  const values = (Array.isArray(listed) ? listed : [listed]).filter((v) => v !== null);
  return values.map((v) => {
    const coerced = withoutNulls(coerceSingle(attr, v, label));
    if (isPlainObject(coerced) && Object.keys(coerced).length === 0) {
      throw invalidValue(`${label}: a value to remove must name at least one sub-attribute`);
    }
    return coerced;
  });
}

/** A listed complex value matches a stored one when the sub-attributes it names are equal. */
function matchesListed(item: unknown, listed: unknown): boolean {
  if (isPlainObject(listed) && isPlainObject(item)) {
    return Object.entries(listed).every(([name, value]) => jsonEqual(getAttr(item, name), value));
  }
  return jsonEqual(item, listed);
}

/**
 * RFC 7644 section 3.5.2: readOnly attributes cannot be modified; an immutable one may be set
 * only while it has no value.
 */
function assertWritable(def: AttributeDef, current: unknown, label: string): void {
  assertNotReadOnly(def, label);
  if (def.mutability === "immutable" && current !== undefined) throw mutability(`${label} is immutable`);
}

function assertNotReadOnly(def: AttributeDef, label: string): void {
  if (def.mutability === "readOnly") throw mutability(`${label} is readOnly`);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Unassigned and empty are the same (RFC 7643 section 2.5): an empty array or object is dropped. */
function setOrDelete(container: JsonObject, name: string, value: unknown): void {
  const empty = Array.isArray(value) ? value.length === 0 : isPlainObject(value) && Object.keys(value).length === 0;
  if (value === undefined || empty) deleteAttr(container, name);
  else setAttr(container, name, value);
}
