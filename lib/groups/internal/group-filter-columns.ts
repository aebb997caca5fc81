import { groupMembers, groups } from "@/db/schema";
import { column, type FilterColumns } from "@/lib/scim/filter-columns";
import { GROUP_SCHEMA } from "@/lib/scim/schemas/urns";
import { commonFilterColumns, membershipFilter } from "@/lib/scim-resources/resource-filter-columns";

/**
 * Where each filterable Group attribute lives (RFC 7643 section 4.2). `members` is the
 * membership table: Entra ID checks a membership with `id eq "G" and members[value eq "U"]`,
 * answered by the (group_id, person_id) primary key.
 */
export const groupFilterColumns: FilterColumns = {
  schema: GROUP_SCHEMA,
  attributes: {
    ...commonFilterColumns(groups),
    displayName: column(groups.displayName, "string"),
    members: membershipFilter({ table: groups, key: groupMembers.groupId }, groupMembers.personId),
  },
};
