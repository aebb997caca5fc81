import type { ScimRow } from "@/lib/scim-resources/resource-table";
import { etagFor } from "@/lib/scim/etag";
import { projectAttributes, returnsAttribute, type ProjectionOptions } from "@/lib/scim/projection";
import { groupSchemas } from "@/lib/scim/schemas/lookup";
import { GROUP_SCHEMA } from "@/lib/scim/schemas/urns";

export type ScimMember = Record<string, string>;
/** Builds one member of a response from a membership row; see memberBuilder. */
export type MemberBuilder = (personId: string, display: string) => ScimMember;

/**
 * A group as SCIM returns it (RFC 7643 section 4.2), projected. The stored resource never
 * holds members: they are built from the membership table by the caller, straight into the
 * response (`members`, already projected by memberBuilder), so a large group's members exist
 * once in memory. An empty membership is omitted, as unassigned (RFC 7643 section 2.5).
 */
export function toScimGroup(
  group: ScimRow,
  baseUrl: string,
  projection: ProjectionOptions,
  members?: ScimMember[],
): Record<string, unknown> {
  const { schemas, ...attributes } = group.resource as { schemas?: string[] } & Record<string, unknown>;
  const resource = {
    schemas: schemas?.length ? schemas : [GROUP_SCHEMA],
    id: group.id,
    ...attributes,
    meta: {
      resourceType: "Group",
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${group.id}`,
      version: etagFor(group.version),
    },
  };
  const { meta, ...projected } = projectAttributes(resource, groupSchemas, projection);
  return {
    ...projected,
    ...(members && members.length > 0 ? { members } : {}),
    ...(meta === undefined ? {} : { meta }),
  };
}

/**
 * How to build each member under a projection (`attributes=members.value`,
 * `excludedAttributes=members.display`...), or undefined when the response returns no
 * members, in which case they must not be loaded at all (`excludedAttributes=members`).
 */
export function memberBuilder(baseUrl: string, projection: ProjectionOptions): MemberBuilder | undefined {
  if (!returnsAttribute(groupSchemas, projection, "members")) return undefined;
  const sample = { value: "", display: "", $ref: "", type: "" };
  const [kept] = (projectAttributes({ members: [sample] }, groupSchemas, projection).members ?? [{}]) as ScimMember[];
  const keys = Object.keys(kept) as (keyof typeof sample)[];
  return (personId, display) => {
    const full = { value: personId, display, $ref: `${baseUrl}/Users/${personId}`, type: "User" };
    if (keys.length === 4) return full;
    const member: ScimMember = {};
    for (const key of keys) member[key] = full[key];
    return member;
  };
}
