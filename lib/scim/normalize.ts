import { invalidSyntax, noTarget } from "./errors";
import { getAttr, isPlainObject } from "./json";
import { findAttribute, findSchema, findSubAttribute, parseAttributeReference } from "./schemas/lookup";
import type { AttributeDef, ResourceSchemas, SchemaDef } from "./schemas/types";
import { PATCH_OP } from "./schemas/urns";

/**
 * Ingress normalisation of a resource body (POST, PUT), run before validation. Identity
 * providers bend RFC 7643 in known ways; each is undone here so validation sees RFC shapes:
 * - Entra sends booleans as "True"/"False" strings unless the aadOptscim062020 flag is set
 *   (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility);
 * - Entra and Okta send `null` for unmapped attributes; null, `[]` and `{}` mean unassigned
 *   (RFC 7643 section 2.5), so they are dropped, inside complex values and arrays too;
 * - Okta echoes `id` on PUT and may send `password`
 *   (https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20): `id` and `meta`
 *   are the server's (RFC 7643 section 3.1), and writeOnly attributes are dropped because we
 *   never store a password, so none can ever be echoed.
 * Attribute names are rewritten in the schema's case (RFC 7643 section 2.1: names are
 * case-insensitive); an extension's attributes stay under its URN key (RFC 7643 section 3.3).
 * Names the schema does not know are kept as sent: validation decides about them.
 */
export function normalizeResource(body: unknown, schemas: ResourceSchemas): Record<string, unknown> {
  if (!isPlainObject(body)) throw invalidSyntax("The request body must be a JSON object.");
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (key.toLowerCase() === "schemas") {
      out.schemas = normalizeSchemaList(raw, schemas);
      continue;
    }
    const ref = parseAttributeReference(key, schemas);
    const schema = ref.urn === undefined ? schemas.core : findSchema(schemas, ref.urn);
    if (!schema) {
      // An extension this resource type does not have: tolerated, left to validation.
      assign(out, key, stripNulls(raw));
    } else if (ref.attr === undefined && schema === schemas.core) {
      // The core URN used as a key (seen from hand-written clients): its attributes go on top.
      const attributes = normalizeSchemaObject(raw, schema, true);
      if (isPlainObject(attributes)) Object.assign(out, attributes);
    } else if (ref.attr === undefined) {
      assign(out, schema.id, normalizeSchemaObject(raw, schema, false));
    } else if (schema === schemas.core) {
      placeAttribute(out, schema, true, key, ref.attr, ref.sub, raw);
    } else {
      const target = isPlainObject(out[schema.id]) ? out[schema.id] : {};
      placeAttribute(target as Record<string, unknown>, schema, false, key, ref.attr, ref.sub, raw);
      if (Object.keys(target as object).length > 0) out[schema.id] = target;
    }
  }
  return out;
}

export type PatchOperation = { op: "add" | "remove" | "replace"; path?: string; value?: unknown };

const PATCH_OPS = new Set(["add", "remove", "replace"]);

/**
 * Reads a PATCH request (RFC 7644 section 3.5.2) into plain operations. Entra capitalises op
 * names ("Add", "Replace", "Remove": see the compatibility page cited above); keys are read
 * case-insensitively and extra schema URIs are tolerated. Values are passed through as sent,
 * `null` included (RFC 7643 section 2.5: assigning null unassigns); the PATCH engine coerces
 * them against the target attribute's definition.
 */
export function normalizePatchRequest(body: unknown): { operations: PatchOperation[] } {
  if (!isPlainObject(body)) throw invalidSyntax("The PATCH request body must be a JSON object.");
  const listed = getAttr(body, "schemas");
  const patchOp = PATCH_OP.toLowerCase();
  if (!Array.isArray(listed) || !listed.some((urn) => typeof urn === "string" && urn.toLowerCase() === patchOp)) {
    throw invalidSyntax(`A PATCH request must list "${PATCH_OP}" in "schemas" (RFC 7644 section 3.5.2).`);
  }
  const operations = getAttr(body, "Operations");
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax('A PATCH request needs a non-empty "Operations" array (RFC 7644 section 3.5.2).');
  }
  return { operations: operations.map(normalizeOperation) };
}

function normalizeOperation(raw: unknown, index: number): PatchOperation {
  const label = `Operations[${index}]`;
  if (!isPlainObject(raw)) throw invalidSyntax(`${label} must be a JSON object.`);
  const op = getAttr(raw, "op");
  const name = typeof op === "string" ? op.trim().toLowerCase() : undefined;
  if (name === undefined || !PATCH_OPS.has(name)) {
    throw invalidSyntax(`${label}: unsupported op ${JSON.stringify(op ?? null)}; expected add, remove or replace.`);
  }
  const rawPath = getAttr(raw, "path");
  if (rawPath !== undefined && rawPath !== null && typeof rawPath !== "string") {
    throw invalidSyntax(`${label}: "path" must be a string.`);
  }
  const path = typeof rawPath === "string" && rawPath.trim() !== "" ? rawPath.trim() : undefined;
  const value = getAttr(raw, "value");
  if (name === "remove") {
    // RFC 7644 section 3.5.2.2: "If "path" is unspecified, the operation fails with ... noTarget".
    if (path === undefined) throw noTarget(`${label}: remove requires a "path".`);
    return value === undefined || value === null ? { op: "remove", path } : { op: "remove", path, value };
  }
  if (value === undefined) throw invalidSyntax(`${label}: ${name} requires a "value".`);
  return path === undefined ? { op: name as PatchOperation["op"], value } : { op: name as PatchOperation["op"], path, value };
}

/**
 * Normalises one attribute value against its definition: absent for null or empty, booleans
 * from "true"/"false" strings in any case, complex sub-attribute names in schema case. A value
 * of the wrong shape is returned unchanged so validation can name the problem.
 */
export function normalizeValue(def: AttributeDef, value: unknown): unknown {
  if (def.multiValued && Array.isArray(value)) {
    const items = value.map((item) => normalizeSingle(def, item)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  return normalizeSingle(def, value);
}

function normalizeSingle(def: AttributeDef, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (def.type === "boolean") return booleanFromString(value);
  if (isBareValue(def, value)) return { value };
  if (def.type === "complex" && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(value)) {
      const sub = findSubAttribute(def, key);
      assign(out, sub ? sub.name : key, sub ? normalizeValue(sub, raw) : stripNulls(raw));
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return stripNulls(value);
}

/**
 * Entra sends the enterprise manager as a bare id instead of `{"value": id}`
 * (https://github.com/MicrosoftDocs/azure-docs/issues/69234,
 * https://github.com/Captain-P-Goldfish/SCIM-SDK/issues/686), in bodies and PATCH values: a string given for a
 * single-valued complex attribute with a `value` sub-attribute is taken as that value.
 */
export function isBareValue(def: AttributeDef, value: unknown): value is string {
  return def.type === "complex" && !def.multiValued && typeof value === "string" && findSubAttribute(def, "value") !== undefined;
}

/**
 * Entra sends booleans as the strings "True" and "False" unless the aadOptscim062020 flag is
 * set (see the compatibility page cited above), in bodies and PATCH values alike. Any other
 * value comes back unchanged for validation to name.
 */
export function booleanFromString(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.trim().toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : value;
}

/** The attributes of a whole-schema object: the body itself, or an extension's object. */
function normalizeSchemaObject(raw: unknown, schema: SchemaDef, isCore: boolean): unknown {
  if (!isPlainObject(raw)) return stripNulls(raw);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const dot = key.indexOf(".");
    const attr = dot < 0 ? key : key.slice(0, dot);
    placeAttribute(out, schema, isCore, key, attr, dot < 0 ? undefined : key.slice(dot + 1), value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Writes `key`'s value into `target` under the schema's names; `attr.sub` keys are nested. */
function placeAttribute(
  target: Record<string, unknown>,
  schema: SchemaDef,
  isCore: boolean,
  key: string,
  attr: string,
  sub: string | undefined,
  raw: unknown,
): void {
  const def = findAttribute(schema, attr);
  if (!def) return assign(target, key, stripNulls(raw));
  if (isCore && (def.name === "id" || def.name === "meta")) return;
  if (def.mutability === "writeOnly") return;
  if (sub === undefined) return assign(target, def.name, normalizeValue(def, raw));
  const subDef = findSubAttribute(def, sub);
  if (!subDef || def.multiValued) return assign(target, key, stripNulls(raw));
  const value = normalizeValue(subDef, raw);
  if (value !== undefined) assign(target, def.name, { [subDef.name]: value });
}

/**
 * Keeps the schema URIs this resource type knows, in canonical case; others are tolerated and
 * dropped (Entra lists its own extension URIs). Validation checks the core URI is there.
 */
function normalizeSchemaList(raw: unknown, schemas: ResourceSchemas): unknown {
  if (!Array.isArray(raw)) return raw;
  const known = raw.flatMap((urn) => (typeof urn === "string" ? [findSchema(schemas, urn)?.id] : []));
  return [...new Set(known.filter((urn): urn is string => urn !== undefined))];
}

/** Sets a value, merging two complex values (`name` and `name.givenName` keys); absent is skipped. */
function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) return;
  const existing = target[key];
  target[key] = isPlainObject(existing) && isPlainObject(value) ? { ...existing, ...value } : value;
}

/** Removes nulls everywhere in a value the schema does not describe. */
function stripNulls(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(stripNulls);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) assign(out, key, stripNulls(item));
  return out;
}
