import type { AttrPath } from "../filter-ast";
import { enterpriseUserSchema } from "./enterprise-user";
import { groupSchema } from "./group";
import type { AttributeDef, ResourceSchemas, SchemaDef } from "./types";
import { userSchema } from "./user";

/**
 * Attribute lookup shared by filters, PATCH, validation and projection. Attribute names and
 * schema URIs are case-insensitive (RFC 7643 section 2.1); core attributes live at the top
 * of a resource and an extension's attributes under its schema URN (RFC 7643 section 3.3).
 */

export const userSchemas: ResourceSchemas = { core: userSchema, extensions: [enterpriseUserSchema] };
export const groupSchemas: ResourceSchemas = { core: groupSchema, extensions: [] };

export type ResolvedAttribute = { schemaId: string; def: AttributeDef; subDef?: AttributeDef };

/** The core schema first, then the extensions in declaration order. */
export function allSchemas(schemas: ResourceSchemas): SchemaDef[] {
  return [schemas.core, ...schemas.extensions];
}

export function findSchema(schemas: ResourceSchemas, urn: string): SchemaDef | undefined {
  return byLowerName(schemas, () => allSchemas(schemas).map((s) => [s.id, s])).get(urn.toLowerCase());
}

/** The extension of that URN, as a resource key names it (any case), or undefined. */
export function findExtension(schemas: ResourceSchemas, urn: string): SchemaDef | undefined {
  return byLowerName(schemas.extensions, () => schemas.extensions.map((s) => [s.id, s])).get(urn.toLowerCase());
}

export function findAttribute(schema: SchemaDef, name: string): AttributeDef | undefined {
  return byLowerName(schema, () => schema.attributes.map((a) => [a.name, a])).get(name.toLowerCase());
}

export function findSubAttribute(def: AttributeDef, name: string): AttributeDef | undefined {
  const subAttributes = def.subAttributes;
  if (!subAttributes) return undefined;
  return byLowerName(def, () => subAttributes.map((a) => [a.name, a])).get(name.toLowerCase());
}

/**
 * Lookups by case-insensitive name, one map per schema or attribute definition, built on
 * first use: every attribute of every resource rendered, validated or patched is looked up,
 * and a scan lowering each candidate's name made that a measurable share of a page of 100.
 * Definitions are constants, never changed once built; the first of equal names wins.
 */
const lowerNameIndex = new WeakMap<object, Map<string, unknown>>();

function byLowerName<T>(owner: object, entries: () => [string, T][]): Map<string, T> {
  let index = lowerNameIndex.get(owner) as Map<string, T> | undefined;
  if (!index) {
    index = new Map();
    for (const [name, value] of entries()) if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), value);
    lowerNameIndex.set(owner, index);
  }
  return index;
}

/**
 * Resolves `attr`, `attr.sub`, `urn:attr` or `urn:attr.sub`. A bare name is looked up in the
 * core schema, then in the extensions (RFC 7644 section 3.10 lets clients omit the URN).
 */
export function resolveAttribute(
  schemas: ResourceSchemas,
  path: AttrPath,
): ResolvedAttribute | undefined {
  const candidates = path.urn ? [findSchema(schemas, path.urn)] : allSchemas(schemas);
  for (const schema of candidates) {
    const def = schema && findAttribute(schema, path.attr);
    if (!schema || !def) continue;
    if (path.sub === undefined) return { schemaId: schema.id, def };
    const subDef = findSubAttribute(def, path.sub);
    return subDef ? { schemaId: schema.id, def, subDef } : undefined;
  }
  return undefined;
}

export function isExtension(schemas: ResourceSchemas, schemaId: string): boolean {
  return findExtension(schemas, schemaId) !== undefined;
}

/**
 * The key under which a schema's attributes live in a resource: `undefined` for the core
 * schema (top level), the extension's URN otherwise (RFC 7643 section 3.3).
 */
export function extensionKey(schemas: ResourceSchemas, schemaId: string): string | undefined {
  return findExtension(schemas, schemaId)?.id;
}

/** `name.givenName`, `emails`, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`. */
export function canonicalPath(schemas: ResourceSchemas, resolved: ResolvedAttribute): string {
  const local = resolved.subDef ? `${resolved.def.name}.${resolved.subDef.name}` : resolved.def.name;
  const key = extensionKey(schemas, resolved.schemaId);
  return key ? `${key}:${local}` : local;
}

/** A reference to a whole schema (`urn` alone) or to an attribute, as written in a list. */
export type AttributeReference = { urn: string; attr?: undefined } | AttrPath;

/**
 * Splits a textual attribute reference (`name.givenName`, `urn:...:User:manager.value` or a
 * bare schema URN) for attribute lists and keys. Known schema URNs are matched first because a
 * URN itself contains dots (`2.0`); an unknown URN is split at its last colon.
 */
export function parseAttributeReference(
  text: string,
  schemas: ResourceSchemas,
): AttributeReference {
  const lower = text.toLowerCase();
  for (const schema of allSchemas(schemas)) {
    const id = schema.id.toLowerCase();
    if (lower === id) return { urn: schema.id };
    if (lower.startsWith(`${id}:`)) return { urn: schema.id, ...splitDotted(text.slice(id.length + 1)) };
  }
  if (lower.startsWith("urn:")) {
    const colon = text.lastIndexOf(":");
    return { urn: text.slice(0, colon), ...splitDotted(text.slice(colon + 1)) };
  }
  return splitDotted(text);
}

function splitDotted(text: string): { attr: string; sub?: string } {
  const dot = text.indexOf(".");
  return dot < 0 ? { attr: text } : { attr: text.slice(0, dot), sub: text.slice(dot + 1) };
}
