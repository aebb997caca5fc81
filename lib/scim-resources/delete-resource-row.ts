import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { people } from "@/db/schema";
import { recordEvent } from "@/lib/history/record-event";
import type { IntegrationScope } from "@/lib/integrations/integration-scope";
import type { ResourceRow, ResourceTable } from "./resource-table";

/**
 * The last step of a SCIM DELETE, inside the caller's transaction on the locked row: by the
 * integration's delete mode, the row is hidden from SCIM (`deletedAt`, its unique name free
 * again, kept in the console as retained data) or removed (`hard`). History records which,
 * naming the resource by `name` (a person's userName, a group's displayName).
 */
export async function deleteResourceRow<T extends ResourceTable>(
  tx: Db,
  table: T,
  subjectType: "person" | "group",
  row: ResourceRow<T>,
  name: { path: string; value: string },
  scope: IntegrationScope,
): Promise<void> {
  // One statement for either table: drizzle types a write by its table, and both share these columns.
  const target = table as typeof people;
  const hard = scope.integration.settings.deleteMode === "hard";
  if (hard) {
    await tx.delete(target).where(eq(target.id, row.id));
  } else {
    await tx
      .update(target)
      .set({ deletedAt: new Date(), version: sql`${target.version} + 1`, updatedAt: new Date() })
      .where(eq(target.id, row.id));
  }
  await recordEvent(tx, {
    tenantId: row.tenantId,
    subjectType,
    subjectId: row.id,
    action: hard ? "deleted_hard" : "deleted",
    changes: [{ path: name.path, before: name.value }],
    actor: scope.actor,
  });
}
