import { invalidPath, invalidValue } from "./errors";
import { type JsonObject, isPlainObject } from "./json";
import { booleanFromString, isBareValue } from "./normalize";
import { parseDateTime } from "./parse-date-time";
import { findSubAttribute } from "./schemas/lookup";
import type { AttributeDef } from "./schemas/types";

/**
 * Value coercion for PATCH (RFC 7644 section 3.5.2): a value is checked against its attribute
 * definition and brought to the stored shape, with the identity providers' known deviations
 * accepted. Complex values keep `null` sub-attributes so that a merge can unassign them
 * (RFC 7643 section 2.5: null and unassigned are equivalent).
 */

/** Coerces a value for `def`; a multi-valued attribute always yields an array. */
export function coerceValue(def: AttributeDef, value: unknown, label: string): unknown {
  if (!def.multiValued) return coerceSingle(def, value, label);
  // RFC 7644 section 3.5.2.1 asks for an array; a lone value is taken as an array of one.
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => item !== null).map((item) => withoutNulls(coerceSingle(def, item, label)));
}

/** Coerces one value of `def` (one item when `def` is multi-valued). */
export function coerceSingle(def: AttributeDef, value: unknown, label: string): unknown {
  switch (def.type) {
    case "boolean":
      return coerceBoolean(value, label);
    case "integer":
      if (Number.isInteger(value)) return value;
      throw invalidValue(`${label} must be an integer`);
    case "decimal":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      throw invalidValue(`${label} must be a number`);
    case "dateTime":
      if (typeof value === "string" && parseDateTime(value) !== undefined) return value;
      throw invalidValue(`${label} must be an xsd:dateTime string (RFC 7643 section 2.3.5)`);
    case "complex":
      return coerceComplex(def, value, label);
    default:
      if (typeof value === "string") return value;
      throw invalidValue(`${label} must be a string`);
  }
}

function coerceBoolean(value: unknown, label: string): boolean {
  const coerced = booleanFromString(value);
  if (typeof coerced === "boolean") return coerced;
  throw invalidValue(`${label} must be a boolean`);
}

function coerceComplex(def: AttributeDef, value: unknown, label: string): JsonObject {
  // Entra's bare manager id, by the same rule as a POST or PUT body: only a single-valued
  // attribute takes a string for its `value`, so `emails: "yes"` is refused here as there.
  if (isBareValue(def, value)) return { value };
  if (!isPlainObject(value)) throw invalidValue(`${label} must be an object`);
  const out: JsonObject = {};
  for (const [key, subValue] of Object.entries(value)) {
    const sub = findSubAttribute(def, key);
    if (!sub) throw invalidPath(`${label}.${key} is not a defined sub-attribute`);
    // readOnly sub-attributes in a value are ignored, as in a POST or PUT body (RFC 7644
    // section 3.3): Okta sends each member's `display`, which the server writes itself.
    if (sub.mutability === "readOnly") continue;
    out[sub.name] = subValue === null ? null : coerceValue(sub, subValue, `${label}.${sub.name}`);
  }
  return out;
}

/** Drops the `null` sub-attributes of a complex value that is stored as a whole. */
export function withoutNulls<T>(value: T): T {
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

/** Deep equality of JSON values; object key order does not matter, array order does. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
}
