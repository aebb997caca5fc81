import { invalidPath, invalidValue } from "./errors";
import type { Filter } from "./filter-ast";
import type { PatchOperation } from "./normalize";
import { parsePatchPath } from "./patch-path";
import { getAttr, isPlainObject } from "./json";
import { GROUP_SCHEMA } from "./schemas/urns";

/** A change to a group's membership table, in request order. */
export type MemberOperation =
  | { kind: "add"; ids: string[] }
  | { kind: "remove"; ids: string[] }
  | { kind: "removeAll" }
  | { kind: "replace"; ids: string[] };

/**
 * Translates the operations on `members` that `applyPatch` set aside (RFC 7644 section 3.5.2,
 * and the shapes Entra and Okta send) into membership changes. Ids are returned as given, in
 * order, duplicates within one operation collapsed; the caller checks that they exist.
 */
export function memberOperations(externalOps: readonly PatchOperation[]): MemberOperation[] {
  const result: MemberOperation[] = [];
  for (const operation of externalOps) {
    const translated = translate(operation);
    if (translated) result.push(translated);
  }
  return result;
}

function translate({ op, path, value }: PatchOperation): MemberOperation | undefined {
  if (path === undefined) {
    // Path-less `{"op":"add","value":{"members":[...]}}`: the members key is the target; the
    // other keys are attributes of the group itself, which applyPatch applies.
    const members = isPlainObject(value) ? Object.entries(value).find(([key]) => isMembersName(key)) : undefined;
    if (!members) throw invalidPath(`${op} without a path names no members`);
    return translate({ op, path: "members", value: members[1] });
  }
  const parsed = parsePatchPath(stripGroupSchema(path));
  if (parsed.path.urn !== undefined || !isMembersName(parsed.path.attr)) {
    throw invalidPath(`"${path}" is not a members path`);
  }
  if (parsed.path.sub !== undefined || parsed.subAttr !== undefined) {
    throw invalidPath(`"${path}": a member's sub-attributes are immutable (RFC 7643 section 4.2)`);
  }

  if (parsed.filter) {
    // Okta and Entra (with aadOptscim062020) remove one member as `members[value eq "id"]`.
    if (op !== "remove") throw invalidPath(`"${path}": only remove takes a members filter`);
    const ids = filteredIds(parsed.filter);
    if (!ids) throw invalidPath(`"${path}": a members filter must be value eq "id", joined by or`);
    return { kind: "remove", ids: unique(ids) };
  }
  if (op === "remove") {
    // Entra's value array names the members to remove, and only those:
    // https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#update-group-remove-members
    if (value === undefined) return { kind: "removeAll" };
    const ids = memberIds(value, path);
    return ids.length ? { kind: "remove", ids } : undefined;
  }
  if (op === "replace") {
    // Okta pushes the full membership with replace (https://developer.okta.com/docs/reference/scim/scim-20/#update-specific-group-membership);
    // null or [] leaves the group without members (RFC 7643 section 2.5).
    return { kind: "replace", ids: value === null ? [] : memberIds(value, path) };
  }
  const ids = memberIds(value, path);
  return ids.length ? { kind: "add", ids } : undefined;
}

function isMembersName(name: string): boolean {
  return name.toLowerCase() === "members";
}

/** `urn:ietf:params:scim:schemas:core:2.0:Group:members` is `members`. */
function stripGroupSchema(path: string): string {
  const prefix = `${GROUP_SCHEMA}:`.toLowerCase();
  return path.toLowerCase().startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The ids of `value eq "a" or value eq "b"`; undefined for any other filter. */
function filteredIds(filter: Filter): string[] | undefined {
  if (filter.kind === "or") {
    const left = filteredIds(filter.left);
    const right = filteredIds(filter.right);
    return left && right && [...left, ...right];
  }
  const isValueEq =
    filter.kind === "compare" &&
    filter.op === "eq" &&
    filter.path.urn === undefined &&
    filter.path.sub === undefined &&
    filter.path.attr.toLowerCase() === "value" &&
    typeof filter.value === "string";
  return isValueEq ? [filter.value as string] : undefined;
}

/** `[{"value":"id","$ref":null,"display":"..."}]`: a lone object counts as an array of one. */
function memberIds(value: unknown, path: string): string[] {
  const items = Array.isArray(value) ? value : [value];
  return unique(
    items.map((item) => {
      const id = getAttr(item, "value");
      if (typeof id !== "string" || id === "") {
        throw invalidValue(`"${path}": every member needs a "value" with the member's id`);
      }
      return id;
    }),
  );
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
