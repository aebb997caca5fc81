import type { groups, people, ScimResource } from "@/db/schema";

/** The tables that store SCIM resources: people are Users, groups are Groups. */
export type ResourceTable = typeof people | typeof groups;

/** A row of one of them. */
export type ResourceRow<T extends ResourceTable> = T["$inferSelect"];

/**
 * What a SCIM rendering of either reads: the stored resource, and the id, version and
 * timestamps that `meta` and the ETag carry. A whole row is one of these too.
 */
export type ScimRow = { id: string; resource: ScimResource; version: number; createdAt: Date; updatedAt: Date };

/** The columns of a ScimRow, for a select that reads nothing else. */
export function scimColumns(table: ResourceTable) {
  return { id: table.id, resource: table.resource, version: table.version, createdAt: table.createdAt, updatedAt: table.updatedAt };
}
