import { etagFor } from "@/lib/scim/etag";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import type { ListedRow } from "@/lib/scim-resources/filter-resources";
import type { ScimRow } from "@/lib/scim-resources/resource-table";

export type GroupRef = { value: string; display: string };

/** A person as a listing reads it: `related` holds its groups when the response returns them. */
export type UserRow = ListedRow<GroupRef[]>;

/** A person as SCIM returns it: the stored resource plus id, meta and the read-only groups. */
export function toScimUser(person: ScimRow, baseUrl: string, groups?: GroupRef[]): Record<string, unknown> {
  const { schemas, ...attributes } = person.resource as { schemas?: string[] } & Record<string, unknown>;
  return {
    schemas: schemas?.length ? schemas : [USER_SCHEMA],
    id: person.id,
    ...attributes,
    ...(groups && groups.length > 0
      ? { groups: groups.map((g) => ({ value: g.value, display: g.display, $ref: `${baseUrl}/Groups/${g.value}`, type: "direct" })) }
      : {}),
    meta: {
      resourceType: "User",
      created: person.createdAt.toISOString(),
      lastModified: person.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${person.id}`,
      version: etagFor(person.version),
    },
  };
}
