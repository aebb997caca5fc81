import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import type { ListQuery } from "@/lib/scim/list-response";
import { filterResources, prefetchableLookup, type Lookup, type ResourceListing } from "@/lib/scim-resources/filter-resources";
import { lastModifiedOf, type ScimRow } from "@/lib/scim-resources/resource-table";
import { groupFilterColumns } from "./internal/group-filter-columns";

const groupListing: ResourceListing = {
  filterColumns: groupFilterColumns,
  // displayName is caseExact false (RFC 7643 section 4.2), so it sorts case-insensitively.
  sortColumns: {
    id: groups.id,
    displayname: sql`lower(${groups.displayName})`,
    externalid: groups.externalId,
    "meta.created": groups.createdAt,
    "meta.lastmodified": lastModifiedOf(groups),
  },
  sortable: "displayName, externalId, id, meta.created, meta.lastModified",
};

/**
 * GET /Groups: one page of the integration's live groups matching the SCIM filter (see
 * filterResources); `members[value eq "U"]` is an EXISTS on the membership table. Members
 * are not loaded here.
 */
export function filterGroups(db: Db, scope: IntegrationScope, query: ListQuery): Promise<{ totalResults: number; rows: ScimRow[] }> {
  return filterResources(db, groups, groupListing, scope, query);
}

/** The lookup a GET /Groups is, to read with the request's token (prefetchableLookup), or undefined. */
export function groupsLookup(query: ListQuery): Lookup | undefined {
  return prefetchableLookup(groups, groupListing, query);
}
