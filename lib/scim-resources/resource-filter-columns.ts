import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { groupMembers } from "@/db/schema";
import { column, complex, type AttributeTarget, type MultiValuedTarget } from "@/lib/scim/filter-columns";
import { lastModifiedOf, type ResourceTable } from "./resource-table";

/**
 * The filterable attributes every stored resource has, as columns of its table: `id` and
 * `externalId` are case-sensitive (RFC 7643 section 3.1), `meta.created` and
 * `meta.lastModified` are its timestamps.
 */
export function commonFilterColumns(table: ResourceTable): Record<"id" | "externalId" | "meta", AttributeTarget> {
  return {
    id: column(table.id, "string", { uuid: true }),
    externalId: column(table.externalId, "string", { caseExact: true }),
    meta: complex({
      created: column(table.createdAt, "dateTime"),
      lastModified: column(lastModifiedOf(table), "dateTime"),
    }),
  };
}

/**
 * A membership seen from one side, kept in group_members: a Group's `members` (the value is
 * the person's id) or a User's `groups` (the group's id). A condition on `value` is an EXISTS
 * on the membership table, answered by its (group_id, person_id) key.
 */
export function membershipFilter(
  own: { table: ResourceTable; key: AnyPgColumn },
  value: AnyPgColumn,
): MultiValuedTarget {
  return {
    kind: "multiValued",
    exists: (condition) => sql`exists (select 1 from ${groupMembers} where ${own.key} = ${own.table.id} and ${condition})`,
    subAttributes: { value: column(value, "string", { uuid: true }) },
  };
}
