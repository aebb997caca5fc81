import { createPerson } from "@/lib/people/create-person";
import { deletePerson } from "@/lib/people/delete-person";
import { findPersonToShow } from "@/lib/people/find-person";
import { filterPeople } from "@/lib/people/filter-people";
import { patchPerson } from "@/lib/people/patch-person";
import { groupsOfPeople } from "@/lib/people/groups-of-people";
import { replacePerson } from "@/lib/people/replace-person";
import { toScimUser, type UserRow } from "@/lib/people/scim-user";
import { projectAttributes, returnsAttribute } from "@/lib/scim/projection";
import { userSchemas } from "@/lib/scim/schemas/lookup";
import { resourceEndpoint, type ResourceType } from "./resource-endpoint";

/**
 * /Users: people as SCIM Users, their read-only `groups` loaded only when returned; a
 * listing and a GET of one read them in the statement that reads the people.
 */
export const userResource: ResourceType<UserRow> = {
  path: "Users",
  async render(context, rows, projection, options) {
    // A person just created belongs to no group yet; one taken over may.
    const wanted = returnsAttribute(userSchemas, projection, "groups") && !options?.isNew;
    const unread = wanted ? rows.filter((p) => p.related === undefined).map((p) => p.id) : [];
    const loaded = unread.length > 0 ? await groupsOfPeople(context.db, context.tenantId, unread) : undefined;
    return rows.map((p) =>
      projectAttributes(toScimUser(p, context.baseUrl, wanted ? (p.related ?? loaded?.get(p.id)) : undefined), userSchemas, projection),
    );
  },
  list: (context, query) => filterPeople(context.db, context, query),
  async create(context, body) {
    const { person, ignored, isNew } = await createPerson(context.db, context, body);
    return { row: person, ignored, isNew };
  },
  find: (context, id, projection) => findPersonToShow(context.db, context, id, returnsAttribute(userSchemas, projection, "groups")),
  async replace(context, id, body, ifMatch) {
    const { person, ignored } = await replacePerson(context.db, context, id, body, ifMatch);
    return { row: person, ignored };
  },
  patch: (context, id, body, ifMatch) => patchPerson(context.db, context, id, body, ifMatch),
  remove: (context, id, ifMatch) => deletePerson(context.db, context, id, ifMatch),
};

export const usersEndpoint = resourceEndpoint(userResource);
