import { invalidSyntax, invalidValue, noTarget } from "./errors";
import { applyToAttribute } from "./patch-attribute";
import { type PatchTarget, containerOf, pruneExtension, resolveTarget } from "./patch-target";
import { type JsonObject, isPlainObject } from "./json";
import { jsonEqual } from "./patch-value";
import type { PatchOperation } from "./normalize";
import { GROUP_SCHEMA } from "./schemas/urns";
import type { ResourceSchemas } from "./schemas/types";

/** One PATCH operation as `normalizePatchRequest` gives it, op names lower-cased. */
export type { PatchOperation };

export type PatchOptions = {
  /**
   * Attributes stored outside the resource (a group's `members` live in a table): operations on
   * them are returned in `externalOps`, in order, instead of being applied.
   */
  external?: string[];
};

export type PatchResult = {
  resource: Record<string, unknown>;
  /** False when the result deep-equals the input: a no-op PATCH records nothing. */
  changed: boolean;
  externalOps: PatchOperation[];
};

/**
 * Applies PATCH operations (RFC 7644 section 3.5.2) in order to a copy of `resource`. The first
 * failing operation throws its ScimError and nothing is applied: the caller keeps the original.
 */
export function applyPatch(
  resource: Record<string, unknown>,
  operations: readonly PatchOperation[],
  schemas: ResourceSchemas,
  options: PatchOptions = {},
): PatchResult {
  const patched = structuredClone(resource);
  const external = new Set((options.external ?? []).map((name) => name.toLowerCase()));
  const isExternal = (target: PatchTarget) =>
    target.attr !== undefined && !target.extension && external.has(target.attr.name.toLowerCase());
  const externalOps: PatchOperation[] = [];

  for (const operation of operations) {
    const { op, path, value } = operation;
    if (op !== "add" && op !== "remove" && op !== "replace") {
      throw invalidSyntax(`PATCH op "${String(op)}" is not add, remove or replace (RFC 7644 section 3.5.2)`);
    }
    if (path !== undefined) {
      const target = resolveTarget(path, schemas);
      if (isExternal(target)) externalOps.push(structuredClone(operation));
      else applyToTarget(patched, target, op, value, schemas);
      continue;
    }
    // RFC 7644 section 3.5.2.2: a remove without a path has no target.
    if (op === "remove") throw noTarget("remove needs a path (RFC 7644 section 3.5.2.2)");
    if (!isPlainObject(value)) {
      throw invalidValue(`${op} without a path needs an object of attributes (RFC 7644 section 3.5.2.1)`);
    }
    // RFC 7644 sections 3.5.2.1 and 3.5.2.3: without a path, each key of the value is a target.
    for (const [key, keyValue] of Object.entries(value)) {
      const target = resolveTarget(key, schemas);
      if (isExternal(target)) externalOps.push({ op, path: target.attr!.name, value: structuredClone(keyValue) });
      else if (!isOktaGroupIdEcho(op, target, keyValue, resource, schemas)) applyToTarget(patched, target, op, keyValue, schemas);
    }
  }
  return { resource: patched, changed: !jsonEqual(resource, patched), externalOps };
}

/**
 * Okta renames a group with a path-less replace that repeats the group's read-only id
 * (https://developer.okta.com/docs/reference/scim/scim-20/#update-a-specific-group-name):
 * an id equal to the group's own id changes nothing and is accepted.
 */
function isOktaGroupIdEcho(
  op: PatchOperation["op"],
  target: PatchTarget,
  value: unknown,
  resource: JsonObject,
  schemas: ResourceSchemas,
): boolean {
  return (
    op === "replace" &&
    schemas.core.id === GROUP_SCHEMA &&
    !target.extension &&
    target.attr?.name === "id" &&
    value === resource.id
  );
}

function applyToTarget(
  resource: JsonObject,
  target: PatchTarget,
  op: PatchOperation["op"],
  value: unknown,
  schemas: ResourceSchemas,
): void {
  if (op === "add" && value === undefined) {
    throw invalidValue(`add to "${target.text}" needs a value (RFC 7644 section 3.5.2.1)`);
  }
  if (target.attr) {
    // A removal from an absent extension still runs its checks, against an empty object.
    const container = containerOf(resource, target, op !== "remove" && value !== null && value !== undefined) ?? {};
    applyToAttribute(container, target, op, value);
    pruneExtension(resource, target);
    return;
  }
  applyToExtension(resource, target, op, value, schemas);
}

/** The extension URN alone as a target: the whole extension object (RFC 7643 section 3.3). */
function applyToExtension(
  resource: JsonObject,
  target: PatchTarget,
  op: PatchOperation["op"],
  value: unknown,
  schemas: ResourceSchemas,
): void {
  const attributeTarget = (key: string) => resolveTarget(`${target.extension}:${key}`, schemas);
  if (op === "remove" || value === null || value === undefined) {
    for (const key of Object.keys(containerOf(resource, target, false) ?? {})) {
      applyToTarget(resource, attributeTarget(key), "remove", undefined, schemas);
    }
    return;
  }
  if (!isPlainObject(value)) throw invalidValue(`"${target.text}" needs an object of extension attributes`);
  // Each key is one of the extension's attributes, as in a path-less operation (RFC 7644 section 3.5.2.3).
  // A nested `schemas` list names no attribute: it is ignored, as a PUT body's is.
  for (const [key, keyValue] of Object.entries(value)) {
    if (key.toLowerCase() === "schemas") continue;
    applyToTarget(resource, attributeTarget(key), op, keyValue, schemas);
  }
}
