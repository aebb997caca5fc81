import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people, type Person } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import type { PersonEventAction } from "@/lib/history/history-actions";
import { recordEvent, type Actor } from "@/lib/history/record-event";
import { diffResources } from "@/lib/scim/diff";
import { uniqueness } from "@/lib/scim/errors";
import { deactivatedAtAfter, personColumns } from "./person-columns";

/** Activation changes name the event; any other change is an update. */
export function actionFor(before: Record<string, unknown> | null, after: Record<string, unknown>): PersonEventAction {
  if (!before) return "created";
  const wasActive = before.active !== false;
  const isActive = after.active !== false;
  if (wasActive && !isActive) return "deactivated";
  if (!wasActive && isActive) return "reactivated";
  return "updated";
}

/**
 * Stores a person's new resource with its History event, or does nothing when nothing
 * changed (a no-op PUT or PATCH bumps no version and records nothing).
 */
export async function commitPersonChange(
  tx: Db,
  before: Person,
  resource: Record<string, unknown>,
  actor: Actor,
  reason: string | null = null,
): Promise<Person> {
  const changes = diffResources(before.resource, resource);
  if (changes.length === 0) return before;
  let updated: Person;
  const columns = personColumns(resource);
  const now = new Date();
  try {
    [updated] = await tx
      .update(people)
      .set({ ...columns, deactivatedAt: deactivatedAtAfter(before, columns.active, now), resource, version: sql`${people.version} + 1`, updatedAt: now })
      .where(eq(people.id, before.id))
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueness(`userName "${resource.userName}" is already taken in this tenant`);
    throw error;
  }
  await recordEvent(tx, {
    tenantId: before.tenantId,
    subjectType: "person",
    subjectId: before.id,
    action: actionFor(before.resource, resource),
    changes,
    actor,
    reason,
  });
  return updated;
}
