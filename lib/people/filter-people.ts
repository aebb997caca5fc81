import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import type { ListQuery } from "@/lib/scim/list-response";
import { filterResources, prefetchableLookup, type Lookup, type ResourceListing } from "@/lib/scim-resources/filter-resources";
import { returnsAttribute } from "@/lib/scim/projection";
import { userSchemas } from "@/lib/scim/schemas/lookup";
import { groupsOfPersonJson } from "./groups-of-people";
import { userFilterColumns } from "./internal/user-filter-columns";
import type { UserRow } from "./scim-user";

const userListing: ResourceListing = {
  filterColumns: userFilterColumns,
  sortColumns: {
    id: people.id,
    username: sql`lower(${people.userName})`,
    externalid: people.externalId,
    displayname: people.displayName,
    active: people.active,
    "name.givenname": people.givenName,
    "name.familyname": people.familyName,
    emails: people.primaryEmail,
    "emails.value": people.primaryEmail,
    "meta.created": people.createdAt,
    "meta.lastmodified": people.updatedAt,
  },
  sortable: "userName, externalId, displayName, name.givenName, name.familyName, emails, meta.created, meta.lastModified",
};

/**
 * GET /Users: one page of the integration's live people matching the SCIM filter (see
 * filterResources), each with its groups when the response returns them, read in the same
 * statement.
 */
export function filterPeople(db: Db, scope: IntegrationScope, query: ListQuery): Promise<{ totalResults: number; rows: UserRow[] }> {
  return filterResources(db, people, userListing, scope, query, relatedOf(query));
}

/** The lookup a GET /Users is, to read with the request's token (prefetchableLookup), or undefined. */
export function peopleLookup(query: ListQuery): Lookup | undefined {
  return prefetchableLookup(people, userListing, query, relatedOf(query));
}

function relatedOf(query: ListQuery) {
  return returnsAttribute(userSchemas, query, "groups") ? groupsOfPersonJson : undefined;
}
