import { invalidPath, mutability, ScimError } from "./errors";
import type { Filter } from "./filter-ast";
import { parsePatchPath } from "./patch-path";
import { type JsonObject, deleteAttr, getAttr, isPlainObject, setAttr } from "./json";
import { allSchemas, findSubAttribute, isExtension, resolveAttribute } from "./schemas/lookup";
import type { AttributeDef, ResourceSchemas, SchemaDef } from "./schemas/types";

/**
 * Where a PATCH operation lands (RFC 7644 section 3.5.2, the PATH rule): a whole extension
 * object, an attribute, a sub-attribute, or the values of a multi-valued attribute selected by
 * a filter (and optionally one of their sub-attributes).
 */
export type PatchTarget = {
  schema: SchemaDef;
  /** The extension's URN, under which its attributes live (RFC 7643 section 3.3); unset for core. */
  extension?: string;
  /** Unset when the target is a whole extension object. */
  attr?: AttributeDef;
  filter?: Filter;
  sub?: AttributeDef;
  /** The path as the client wrote it, for error details. */
  text: string;
};

/**
 * Resolves a `path`, or a key of a path-less operation's value (`displayName`,
 * `name.givenName`, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager` or the
 * extension URN alone). A known schema URN prefix is taken off first: the URN itself contains a
 * dot (`2.0`) that is no attribute separator.
 */
export function resolveTarget(text: string, schemas: ResourceSchemas): PatchTarget {
  const { schema, rest } = splitSchemaPrefix(text, schemas);
  if (schema && rest === "") {
    if (!isExtension(schemas, schema.id)) throw invalidPath(`"${text}" names the core schema, not an attribute`);
    return { schema, extension: schema.id, text };
  }
  const parsed = parseRest(rest, text);
  if (parsed.path.urn !== undefined) throw invalidPath(`"${text}" names an unknown schema`);
  // `schemas` is no attribute of any schema, and a client cannot change it (RFC 7643 section 3).
  if (parsed.path.attr.toLowerCase() === "schemas") throw mutability(`"${text}": schemas cannot be modified`);
  const resolved = resolveAttribute(schemas, { ...(schema ? { urn: schema.id } : {}), attr: parsed.path.attr });
  if (!resolved) throw invalidPath(`"${text}": attribute "${parsed.path.attr}" is not defined for this resource`);
  const owner = allSchemas(schemas).find((s) => s.id === resolved.schemaId)!;
  const target: PatchTarget = {
    schema: owner,
    ...(isExtension(schemas, owner.id) ? { extension: owner.id } : {}),
    attr: resolved.def,
    text,
  };
  if (parsed.filter) {
    if (!resolved.def.multiValued) throw invalidPath(`"${text}": a filter needs a multi-valued attribute`);
    checkFilterAttributes(parsed.filter, resolved.def, text);
    target.filter = parsed.filter;
  }
  const subName = parsed.path.sub ?? parsed.subAttr;
  if (subName !== undefined) {
    const sub = findSubAttribute(resolved.def, subName);
    if (!sub) throw invalidPath(`"${text}": "${resolved.def.name}" has no sub-attribute "${subName}"`);
    target.sub = sub;
  }
  return target;
}

function splitSchemaPrefix(text: string, schemas: ResourceSchemas): { schema?: SchemaDef; rest: string } {
  const lower = text.toLowerCase();
  for (const schema of allSchemas(schemas)) {
    const id = schema.id.toLowerCase();
    if (lower === id) return { schema, rest: "" };
    if (lower.startsWith(`${id}:`)) return { schema, rest: text.slice(id.length + 1) };
  }
  if (lower.startsWith("urn:")) throw invalidPath(`"${text}" names an unknown schema`);
  return { rest: text };
}

/** Path syntax errors are `invalidPath` whatever the parser calls them (RFC 7644 section 3.5.2). */
function parseRest(rest: string, text: string) {
  try {
    return parsePatchPath(rest);
  } catch (error) {
    if (error instanceof ScimError && error.scimType !== "invalidPath") {
      throw invalidPath(`"${text}": ${error.detail}`);
    }
    throw error;
  }
}

/** A value filter compares sub-attributes of the selected values; anything else is refused. */
function checkFilterAttributes(filter: Filter, def: AttributeDef, text: string): void {
  switch (filter.kind) {
    case "and":
    case "or":
      checkFilterAttributes(filter.left, def, text);
      checkFilterAttributes(filter.right, def, text);
      return;
    case "not":
      checkFilterAttributes(filter.filter, def, text);
      return;
    case "valuePath":
      throw invalidPath(`"${text}": nested value filters are not allowed`);
    default: {
      const { urn, attr, sub } = filter.path;
      if (urn !== undefined || sub !== undefined || !findSubAttribute(def, attr)) {
        throw invalidPath(`"${text}": "${def.name}" has no sub-attribute "${attr}" to filter on`);
      }
    }
  }
}

/**
 * The object holding the target's attribute: the resource for core attributes, the extension
 * object otherwise, created on demand together with its URN in `schemas` (RFC 7643 section 3).
 */
export function containerOf(resource: JsonObject, target: PatchTarget, create: boolean): JsonObject | undefined {
  if (!target.extension) return resource;
  const existing = getAttr(resource, target.extension);
  if (isPlainObject(existing)) return existing;
  if (!create) return undefined;
  const created: JsonObject = {};
  setAttr(resource, target.extension, created);
  const listed = resource.schemas;
  if (Array.isArray(listed) && !listed.some((s) => typeof s === "string" && s.toLowerCase() === target.extension!.toLowerCase())) {
    listed.push(target.extension);
  }
  return created;
}

/**
 * Drops an extension object a removal left empty. Its URN stays in `schemas`: Entra lists the
 * extension on users that carry none of its attributes, so a listed URN means nothing more.
 */
export function pruneExtension(resource: JsonObject, target: PatchTarget): void {
  if (!target.extension) return;
  const existing = getAttr(resource, target.extension);
  if (isPlainObject(existing) && Object.keys(existing).length === 0) deleteAttr(resource, target.extension);
}
