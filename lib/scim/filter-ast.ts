/**
 * The abstract syntax of SCIM filters and attribute paths (RFC 7644 section 3.4.2.2 and
 * the PATH rule of section 3.5.2). The parser produces it; the SQL translation and the
 * in-memory matcher consume it.
 */

/**
 * A reference to an attribute: `urn` is the schema URN when the path was qualified
 * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`), `attr` the
 * attribute name and `sub` the sub-attribute, both as written (compare case-insensitively).
 */
export type AttrPath = { urn?: string; attr: string; sub?: string };

export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

export type FilterValue = string | number | boolean | null;

export type Filter =
  | { kind: "compare"; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: "present"; path: AttrPath }
  | { kind: "and"; left: Filter; right: Filter }
  | { kind: "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter }
  /** `emails[type eq "work" and value co "x"]`: the inner filter's paths are relative to `path`. */
  | { kind: "valuePath"; path: AttrPath; filter: Filter };

/**
 * A PATCH target (RFC 7644 section 3.5.2): `attr`, `attr.sub`, `urn:attr`,
 * `attr[filter]` or `attr[filter].sub`.
 */
export type PatchPath = { path: AttrPath; filter?: Filter; subAttr?: string };
