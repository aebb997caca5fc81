import type { Db } from "@/db/client";
import type { Person } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { diffResources } from "@/lib/scim/diff";
import { CredentialsNotConfirmed } from "@/lib/tokens/remembered-credentials";
import { takeOverPerson } from "./internal/take-over-person";
import { userNameTaken } from "./internal/user-name-taken";
import { deactivatedAtAfter, personColumns } from "./internal/person-columns";
import { prepareUser } from "./internal/prepare-user";
import { insertPerson } from "./internal/write-person";

/**
 * POST /Users. userName uniqueness (per tenant, case-insensitive, among people not deleted)
 * is the database's unique index: of two concurrent creates exactly one wins, the other 409,
 * whose detail names the integration managing the person. An integration whose matching
 * policy is "take over" first moves a person another integration manages (same userName or
 * primary email) to itself, and tries again after losing a race to a concurrent create.
 * With unconfirmed credentials (IntegrationScope) the INSERT confirms them; a take-over,
 * which reads and writes before it, needs them read first.
 */
export async function createPerson(
  db: Db,
  scope: IntegrationScope,
  body: unknown,
): Promise<{ person: Person; ignored: string[]; isNew: boolean }> {
  const { resource, ignored } = prepareUser(body, scope.integration.settings, "create");
  const takesOver = scope.integration.settings.matchExisting === "takeOver";
  if (takesOver && scope.unconfirmed) throw new CredentialsNotConfirmed();
  if (takesOver) {
    const moved = await takeOverPerson(db, scope, body, resource);
    if (moved) return { person: moved, ignored, isNew: false };
  }
  try {
    const columns = personColumns(resource);
    const values = {
      ...columns,
      resource,
      deactivatedAt: deactivatedAtAfter(null, columns.active, new Date()),
      tenantId: scope.tenantId,
      integrationId: scope.integration.id,
      region: scope.integration.settings.defaultRegion || null,
    };
    const person = await insertPerson(db, values, {
      tenantId: scope.tenantId,
      action: "created",
      changes: diffResources(null, resource),
      actor: scope.actor,
    }, scope.unconfirmed);
    if (!person) throw new CredentialsNotConfirmed();
    return { person, ignored, isNew: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const moved = takesOver ? await takeOverPerson(db, scope, body, resource) : null;
    if (moved) return { person: moved, ignored, isNew: false };
    throw await userNameTaken(db, scope.tenantId, String(resource.userName), scope.integration.id);
  }
}
