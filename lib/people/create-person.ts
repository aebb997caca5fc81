import type { Db } from "@/db/client";
import { people, type Person } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/history/record-event";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { diffResources } from "@/lib/scim/diff";
import { uniqueness } from "@/lib/scim/errors";
import { personColumns } from "./person-columns";
import { prepareUser } from "./prepare-user";

/**
 * POST /Users. userName uniqueness (per tenant, case-insensitive, among people not deleted)
 * is the database's unique index: of two concurrent creates exactly one wins, the other 409.
 */
export async function createPerson(
  db: Db,
  scope: IntegrationScope,
  body: unknown,
): Promise<{ person: Person; ignored: string[] }> {
  const { resource, ignored } = prepareUser(body, scope.integration.settings, "create");
  try {
    const person = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(people)
        .values({
          tenantId: scope.tenantId,
          integrationId: scope.integration.id,
          ...personColumns(resource),
          region: scope.integration.settings.defaultRegion || null,
          resource,
        })
        .returning();
      await recordEvent(tx, {
        tenantId: scope.tenantId,
        subjectType: "person",
        subjectId: created.id,
        action: "created",
        changes: diffResources(null, resource),
        actor: scope.actor,
      });
      return created;
    });
    return { person, ignored };
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueness(`A user with userName "${resource.userName}" already exists in this tenant`);
    throw error;
  }
}
