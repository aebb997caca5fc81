import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { removePersonFromGroups } from "@/lib/groups/remove-person-from-groups";
import { recordEvent } from "@/lib/history/record-event";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import { findPerson } from "./find-person";

/**
 * DELETE /Users/{id}: the person leaves every group, then is hidden from SCIM (their
 * userName is free again). Delete mode soft keeps them in the console as retained data;
 * hard removes the row. History keeps the event either way.
 */
export async function deletePerson(db: Db, scope: IntegrationScope, id: string, ifMatch: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await findPerson(tx, scope, id, { forUpdate: true, ifMatch });
    await removePersonFromGroups(tx, person, scope.actor);
    const hard = scope.integration.settings.deleteMode === "hard";
    if (hard) {
      await tx.delete(people).where(eq(people.id, person.id));
    } else {
      await tx
        .update(people)
        .set({ deletedAt: new Date(), version: sql`${people.version} + 1`, updatedAt: new Date() })
        .where(eq(people.id, person.id));
    }
    await recordEvent(tx, {
      tenantId: person.tenantId,
      subjectType: "person",
      subjectId: person.id,
      action: hard ? "deleted_hard" : "deleted",
      changes: [{ path: "userName", before: person.userName }],
      actor: scope.actor,
    });
  });
}
