import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people, type Person } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { notFound, ScimError } from "@/lib/scim/errors";
import { ifMatchSatisfied } from "@/lib/scim/etag";
import { isUuid } from "@/lib/is-uuid";


/**
 * A live person of this integration, or 404: another tenant's or integration's person, a
 * deleted one, and a malformed id all look the same. `forUpdate` locks the row so concurrent
 * writes to one person apply one after the other. The lock is FOR NO KEY UPDATE: it still
 * lets a concurrent group PATCH take the KEY SHARE lock its membership insert needs on the
 * person, so a person's DELETE and a group's PATCH cannot deadlock on each other.
 */
export async function findPerson(
  db: Db,
  scope: IntegrationScope,
  id: string,
  options: { forUpdate?: boolean; ifMatch?: string | null } = {},
): Promise<Person> {
  if (!isUuid(id)) throw notFound(`User ${id} not found`);
  const query = db
    .select()
    .from(people)
    .where(
      and(
        eq(people.id, id),
        eq(people.tenantId, scope.tenantId),
        eq(people.integrationId, scope.integration.id),
        isNull(people.deletedAt),
      ),
    );
  const [person] = options.forUpdate ? await query.for("no key update") : await query;
  if (!person) throw notFound(`User ${id} not found`);
  if (options.ifMatch !== undefined && !ifMatchSatisfied(options.ifMatch, person.version)) {
    throw new ScimError(412, undefined, `User ${id} has changed (version ${person.version}); fetch it again`);
  }
  return person;
}
