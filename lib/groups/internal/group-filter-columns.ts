import { sql } from "drizzle-orm";
import { groupMembers, groups } from "@/db/schema";
import { column, complex, type FilterColumns } from "@/lib/scim/filter-columns";
import { GROUP_SCHEMA } from "@/lib/scim/schemas/urns";

/**
 * Where each filterable Group attribute lives (RFC 7643 section 4.2). `members` is the
 * membership table: Entra ID checks a membership with `id eq "G" and members[value eq "U"]`,
 * answered by the (group_id, person_id) primary key.
 */
export const groupFilterColumns: FilterColumns = {
  schema: GROUP_SCHEMA,
  attributes: {
    id: column(groups.id, "string", { uuid: true }),
    externalId: column(groups.externalId, "string", { caseExact: true }),
    displayName: column(groups.displayName, "string"),
    members: {
      kind: "multiValued",
      exists: (condition) =>
        sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${groups.id} and ${condition})`,
      subAttributes: { value: column(groupMembers.personId, "string", { uuid: true }) },
    },
    meta: complex({
      created: column(groups.createdAt, "dateTime"),
      lastModified: column(groups.updatedAt, "dateTime"),
    }),
  },
};
