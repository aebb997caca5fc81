import type { Db } from "@/db/client";
import { people, type Person } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { findLiveResource, type FindOptions } from "@/lib/scim-resources/find-live-resource";

/** GET /Users/{id}, and the locked read every write to one person starts with (see findLiveResource). */
export function findPerson(db: Db, scope: IntegrationScope, id: string, options: FindOptions = {}): Promise<Person> {
  return findLiveResource(db, people, "User", scope, id, options);
}
