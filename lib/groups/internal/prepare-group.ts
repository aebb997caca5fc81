import { normalizeResource } from "@/lib/scim/normalize";
import { memberOperations } from "@/lib/scim/member-ops";
import { groupSchemas } from "@/lib/scim/schemas/lookup";
import { validateResource } from "@/lib/scim/validate";

export type PreparedGroup = {
  /** The resource to store: never with `members`, which live only in group_members. */
  resource: Record<string, unknown>;
  /** The full member set the body names (POST and PUT carry the whole membership). */
  memberIds: string[];
  ignored: string[];
};

/**
 * A POST or PUT body turned into the Group resource to store and its member ids:
 * identity-provider quirks normalised, checked against the schema, members split off.
 */
export function prepareGroup(body: unknown, mode: "create" | "replace"): PreparedGroup {
  const { resource, ignored } = validateResource(normalizeResource(body, groupSchemas), groupSchemas, { mode });
  const { members, ...stored } = resource;
  // The members of a body are a full set, read as a replace of `members` would be.
  const [operation] = memberOperations([{ op: "replace", path: "members", value: members ?? [] }]);
  return { resource: stored, memberIds: operation.kind === "replace" ? operation.ids : [], ignored };
}
