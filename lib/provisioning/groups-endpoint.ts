import { createGroup } from "@/lib/groups/create-group";
import { deleteGroup } from "@/lib/groups/delete-group";
import { findGroup } from "@/lib/groups/find-group";
import { filterGroups } from "@/lib/groups/filter-groups";
import { membersOfGroup, membersOfGroups } from "@/lib/groups/members-of-groups";
import { patchGroup } from "@/lib/groups/patch-group";
import { replaceGroup } from "@/lib/groups/replace-group";
import { memberBuilder, toScimGroup } from "@/lib/groups/scim-group";
import { streamScimGroup } from "@/lib/groups/stream-scim-group";
import type { ScimRow } from "@/lib/scim-resources/resource-table";
import { resourceEndpoint, type ResourceType } from "./resource-endpoint";

/**
 * /Groups. Members are read only when the response returns them (`excludedAttributes=members`
 * reads none): paged out of the table for one group, in one query for a whole list page.
 */
export const groupResource: ResourceType<ScimRow> = {
  path: "Groups",
  async render(context, rows, projection) {
    const build = memberBuilder(context.baseUrl, projection);
    if (!build) return rows.map((g) => toScimGroup(g, context.baseUrl, projection));
    if (rows.length === 1) {
      const members = await membersOfGroup(context.db, context.tenantId, rows[0].id, build);
      return [toScimGroup(rows[0], context.baseUrl, projection, members)];
    }
    const members = await membersOfGroups(context.db, context.tenantId, rows.map((g) => g.id), build);
    return rows.map((g) => toScimGroup(g, context.baseUrl, projection, members.get(g.id)));
  },
  list: (context, query) => filterGroups(context.db, context, query),
  async create(context, body) {
    const { group, ignored } = await createGroup(context.db, context, body);
    return { row: group, ignored };
  },
  find: (context, id) => findGroup(context.db, context, id),
  stream(context, row, projection) {
    const build = memberBuilder(context.baseUrl, projection);
    return build ? streamScimGroup(context.db, context.tenantId, row, context.baseUrl, projection, build) : undefined;
  },
  async replace(context, id, body, ifMatch) {
    const { group, ignored } = await replaceGroup(context.db, context, id, body, ifMatch);
    return { row: group, ignored };
  },
  patch: (context, id, body, ifMatch) => patchGroup(context.db, context, id, body, ifMatch),
  remove: (context, id, ifMatch) => deleteGroup(context.db, context, id, ifMatch),
};

export const groupsEndpoint = resourceEndpoint(groupResource);
