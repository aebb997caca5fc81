import { getTableColumns } from "drizzle-orm";
import { groups, type people, type ScimResource } from "@/db/schema";
import { groupLastModified, groupRow } from "@/lib/groups/group-version";

/** The tables that store SCIM resources: people are Users, groups are Groups. */
export type ResourceTable = typeof people | typeof groups;

/** A row of one of them. */
export type ResourceRow<T extends ResourceTable> = T["$inferSelect"];

/**
 * What a SCIM rendering of either reads: the stored resource, and the id, version and
 * timestamps that `meta` and the ETag carry. A whole row is one of these too.
 */
export type ScimRow = { id: string; resource: ScimResource; version: number; createdAt: Date; updatedAt: Date };

/**
 * A whole row as a read returns it. A group's version and updatedAt count its membership
 * changes too (lib/groups/group-version.ts).
 */
export function rowColumns(table: ResourceTable) {
  return table === groups ? groupRow : getTableColumns(table);
}

/** A row's meta.lastModified, for a filter or a sort: a group's counts its membership changes too. */
export function lastModifiedOf(table: ResourceTable) {
  return table === groups ? groupLastModified : table.updatedAt;
}

/** The columns of a ScimRow, for a select that reads nothing else. */
export function scimColumns(table: ResourceTable) {
  const { id, resource, version, createdAt, updatedAt } = rowColumns(table);
  return { id, resource, version, createdAt, updatedAt };
}
