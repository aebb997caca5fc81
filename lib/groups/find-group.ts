import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, type Group } from "@/db/schema";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { isUuid } from "@/lib/is-uuid";
import { notFound, ScimError } from "@/lib/scim/errors";
import { ifMatchSatisfied } from "@/lib/scim/etag";

/**
 * A live group of this integration, or 404: another tenant's or integration's group, a
 * deleted one, and a malformed id all look the same. `forUpdate` locks the row, so
 * concurrent writes to one group (two membership PATCHes) apply one after the other and
 * each bumps the version once.
 */
export async function findGroup(
  db: Db,
  scope: IntegrationScope,
  id: string,
  options: { forUpdate?: boolean; ifMatch?: string | null } = {},
): Promise<Group> {
  if (!isUuid(id)) throw notFound(`Group ${id} not found`);
  const query = db
    .select()
    .from(groups)
    .where(
      and(
        eq(groups.id, id),
        eq(groups.tenantId, scope.tenantId),
        eq(groups.integrationId, scope.integration.id),
        isNull(groups.deletedAt),
      ),
    );
  const [group] = options.forUpdate ? await query.for("no key update") : await query;
  if (!group) throw notFound(`Group ${id} not found`);
  // RFC 7644 section 3.14: a write whose If-Match names an older version is refused with 412.
  if (options.ifMatch !== undefined && !ifMatchSatisfied(options.ifMatch, group.version)) {
    throw new ScimError(412, undefined, `Group ${id} has changed (version ${group.version}); fetch it again`);
  }
  return group;
}
