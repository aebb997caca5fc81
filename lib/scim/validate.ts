import { invalidValue } from "./errors";
import { isPlainObject } from "./json";
import { parseDateTime } from "./parse-date-time";
import { findAttribute, findExtension, findSubAttribute } from "./schemas/lookup";
import type { AttributeDef, ResourceSchemas, SchemaDef } from "./schemas/types";

/** Longest string or reference we store; longer values are refused with invalidValue. */
export const MAX_STRING_LENGTH = 10_000;
/** Longest base64 value (an X.509 certificate is a few kilobytes). */
export const MAX_BINARY_LENGTH = 100_000;

export type ValidateOptions = { mode: "create" | "replace" };

/** The resource to store, and the paths that were ignored (for the request log). */
export type ValidatedResource = { resource: Record<string, unknown>; ignored: string[] };

/**
 * Checks a normalised POST or PUT body against the resource type's schemas and returns the
 * resource to store. Schema-driven rather than a hand-written zod schema: the attribute
 * definitions (served from /Schemas) stay the one source of truth for types.
 * - readOnly attributes in input "SHALL be ignored" (RFC 7644 sections 3.3 and 3.5.1), like
 *   `groups` on a User; writeOnly ones too, since no password is ever stored.
 * - Attributes no schema defines are ignored as well: RFC 7644 section 3.3 is silent on them,
 *   and refusing would fail a whole provisioning cycle whenever an admin maps an attribute
 *   this app does not keep (Entra and Okta both allow custom mappings). They are returned
 *   in `ignored` so nothing is dropped without a trace.
 * - Required attributes must be present on create and on replace: PUT restates the whole
 *   resource (RFC 7644 section 3.5.1). The only immutable attributes are members'
 *   sub-attributes, and a PUT restates the member list as a whole, so the modes differ only in
 *   the error detail.
 * - canonicalValues are not enforced: RFC 7643 section 7 calls them "suggested" values.
 * - Arrays have no count limit here: a Group may carry 100k members; the request size is
 *   bounded by maxPayloadBytes instead.
 */
export function validateResource(
  resource: Record<string, unknown>,
  schemas: ResourceSchemas,
  options: ValidateOptions,
): ValidatedResource {
  checkSchemaList(resource.schemas, schemas.core);
  const ignored: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === "schemas" || value === null || value === undefined) continue;
    const extension = findExtension(schemas, key);
    if (extension) {
      if (!isPlainObject(value)) throw invalidValue(`"${extension.id}" must be an object of extension attributes; got ${describe(value)}.`);
      const attributes = checkAttributes(value, extension, `${extension.id}:`, ignored);
      if (Object.keys(attributes).length > 0) out[extension.id] = attributes;
    } else {
      Object.assign(out, checkAttributes({ [key]: value }, schemas.core, "", ignored));
    }
  }
  for (const schema of [schemas.core, ...schemas.extensions]) {
    const values = schema === schemas.core ? out : (out[schema.id] as Record<string, unknown> | undefined);
    checkRequired(values ?? {}, schema, options.mode);
  }
  const present = schemas.extensions.filter((s) => out[s.id] !== undefined).map((s) => s.id);
  // One entry per attribute, not per value: a group's members each carry a readOnly `display`.
  const ignoredPaths = [...new Set(ignored.map((path) => path.replace(/\[\d+\]/g, "[]")))];
  return { resource: { schemas: [schemas.core.id, ...present], ...out }, ignored: ignoredPaths };
}

/** RFC 7643 section 3: `schemas` lists the core schema; a missing list is tolerated. */
function checkSchemaList(listed: unknown, core: SchemaDef): void {
  if (listed === undefined || listed === null) return;
  const ok = Array.isArray(listed) && listed.some((u) => typeof u === "string" && u.toLowerCase() === core.id.toLowerCase());
  if (!ok) throw invalidValue(`"schemas" must be an array that includes "${core.id}".`);
}

function checkAttributes(
  values: Record<string, unknown>,
  schema: SchemaDef,
  prefix: string,
  ignored: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    const def = findAttribute(schema, key);
    if (!def || def.mutability === "readOnly" || def.mutability === "writeOnly") {
      ignored.push(`${prefix}${def?.name ?? key}`);
      continue;
    }
    const checked = checkValue(def, value, `${prefix}${def.name}`, ignored);
    if (checked !== undefined) out[def.name] = checked;
  }
  return out;
}

function checkRequired(values: Record<string, unknown>, schema: SchemaDef, mode: ValidateOptions["mode"]): void {
  for (const def of schema.attributes) {
    if (!def.required || def.mutability === "readOnly") continue;
    const value = values[def.name];
    const action = mode === "create" ? "creating" : "replacing";
    if (value === undefined) throw invalidValue(`${def.name} is required when ${action} a ${schema.name}.`);
    if (typeof value === "string" && value.trim() === "") throw invalidValue(`${def.name} must not be empty.`);
  }
}

function checkValue(def: AttributeDef, value: unknown, path: string, ignored: string[]): unknown {
  if (!def.multiValued) {
    if (Array.isArray(value)) throw invalidValue(`${path} is single-valued and must not be an array.`);
    return checkSingle(def, value, path, ignored);
  }
  if (!Array.isArray(value)) {
    throw invalidValue(`${path} is multi-valued and must be an array; got ${describe(value)}.`);
  }
  const items = value
    .map((item, i) => (item === null ? undefined : checkSingle(def, item, `${path}[${i}]`, ignored)))
    .filter((item) => item !== undefined);
  // RFC 7643 section 2.4: "The primary attribute value "true" MUST appear no more than once."
  if (items.filter((item) => isPlainObject(item) && item.primary === true).length > 1) {
    throw invalidValue(`${path} has more than one value with primary set to true (RFC 7643 section 2.4).`);
  }
  return items.length > 0 ? items : undefined;
}

function checkSingle(def: AttributeDef, value: unknown, path: string, ignored: string[]): unknown {
  const fail = (expected: string) => invalidValue(`${path} must be ${expected}; got ${describe(value)}.`);
  switch (def.type) {
    case "string":
    case "reference":
      if (typeof value !== "string") throw fail("a string");
      if (value.length > MAX_STRING_LENGTH) throw invalidValue(`${path} is longer than ${MAX_STRING_LENGTH} characters.`);
      return value;
    case "binary":
      if (typeof value !== "string" || !BASE64.test(value)) throw fail("base64-encoded binary (RFC 7643 section 2.3.6)");
      if (value.length > MAX_BINARY_LENGTH) throw invalidValue(`${path} is longer than ${MAX_BINARY_LENGTH} characters.`);
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw fail("a boolean");
      return value;
    case "integer":
      if (!Number.isInteger(value)) throw fail("an integer");
      return value;
    case "decimal":
      if (typeof value !== "number" || !Number.isFinite(value)) throw fail("a number");
      return value;
    case "dateTime":
      if (typeof value !== "string" || parseDateTime(value) === undefined) throw fail("an xsd:dateTime such as 2024-01-31T12:00:00Z (RFC 7643 section 2.3.5)");
      return value;
    case "complex":
      if (!isPlainObject(value)) throw fail("an object");
      return checkComplex(def, value, path, ignored);
  }
}

function checkComplex(def: AttributeDef, value: Record<string, unknown>, path: string, ignored: string[]): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    const sub = findSubAttribute(def, key);
    if (!sub || sub.mutability === "readOnly" || sub.mutability === "writeOnly") {
      ignored.push(`${path}.${sub?.name ?? key}`);
      continue;
    }
    const checked = checkValue(sub, item, `${path}.${sub.name}`, ignored);
    if (checked !== undefined) out[sub.name] = checked;
  }
  const missing = def.subAttributes?.find((sub) => sub.required && out[sub.name] === undefined);
  if (missing) throw invalidValue(`${path}.${missing.name} is required.`);
  return Object.keys(out).length > 0 ? out : undefined;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}$/;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}
