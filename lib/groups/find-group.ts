import type { Db } from "@/db/client";
import { groups, type Group } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { findLiveResource, type FindOptions } from "@/lib/scim-resources/find-live-resource";

/** GET /Groups/{id}, and the locked read every write to one group starts with (see findLiveResource). */
export function findGroup(db: Db, scope: IntegrationScope, id: string, options: FindOptions = {}): Promise<Group> {
  return findLiveResource(db, groups, "Group", scope, id, options);
}
