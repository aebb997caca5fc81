import { isPlainObject } from "./json";

/**
 * Field-level differences between two stored resources, for History and to detect a no-op
 * write. Paths follow canonicalPath in schemas/lookup: `active`, `name.givenName`, `emails`
 * (a multi-valued attribute is compared and reported whole),
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`.
 * Null, `[]` and `{}` equal absence (RFC 7643 section 2.5), and the values of a multi-valued
 * attribute are unordered (RFC 7643 section 2.4), so reordering them is no change. `meta` and
 * `schemas` are server bookkeeping that changes on every write, so they are not compared.
 * Changes come sorted by path so the same two resources always give the same list.
 */
export type FieldChange = { path: string; before?: unknown; after?: unknown };

type Resource = Record<string, unknown>;

const NOT_COMPARED = new Set(["meta", "schemas"]);

export function diffResources(before: Resource | null | undefined, after: Resource | null | undefined): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = unionOfKeys(before ?? {}, after ?? {}).filter((key) => !NOT_COMPARED.has(key));
  for (const key of keys) {
    const separator = key.toLowerCase().startsWith("urn:") ? ":" : ".";
    compare(before?.[key], after?.[key], key, separator, changes);
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Compares two values at `path`; complex values are compared member by member. */
function compare(a: unknown, b: unknown, path: string, separator: string, changes: FieldChange[]): void {
  const aObject = isPlainObject(a);
  const bObject = isPlainObject(b);
  if ((aObject || isAbsent(a)) && (bObject || isAbsent(b)) && (aObject || bObject)) {
    const left = aObject ? a : {};
    const right = bObject ? b : {};
    for (const key of unionOfKeys(left, right)) compare(left[key], right[key], `${path}${separator}${key}`, ".", changes);
    return;
  }
  if (equivalent(a, b)) return;
  changes.push({ path, ...(isAbsent(a) ? {} : { before: a }), ...(isAbsent(b) ? {} : { after: b }) });
}

function equivalent(a: unknown, b: unknown): boolean {
  if (isAbsent(a) || isAbsent(b)) return isAbsent(a) && isAbsent(b);
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted, absent members left out and array items sorted. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.filter((item) => !isAbsent(item)).map(canonicalJson).sort().join(",")}]`;
  }
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .filter((key) => !isAbsent(value[key]))
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}

function isAbsent(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every(isAbsent);
  if (isPlainObject(value)) return Object.values(value).every(isAbsent);
  return false;
}

function unionOfKeys(a: Resource, b: Resource): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}
