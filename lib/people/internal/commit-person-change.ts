import type { Db } from "@/db/client";
import type { Person } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import type { PersonEventAction } from "@/lib/history/history-actions";
import type { Actor } from "@/lib/history/record-event";
import { diffResources } from "@/lib/scim/diff";
import { uniqueness } from "@/lib/scim/errors";
import { deactivatedAtAfter, personColumns } from "./person-columns";
import { updatePerson } from "./write-person";

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
 * What commitPersonChange throws when the person was written after `before` was read: only a
 * write that read without locking the row can meet it (writeOptimistically).
 */
export class PersonChangedMeanwhile extends Error {
  constructor(readonly personId: string) {
    super(`Person ${personId} was written by another request after it was read`);
  }
}

/**
 * Stores a person's new resource with its History event in one statement (updatePerson),
 * or does nothing when nothing changed (a no-op PUT or PATCH bumps no version and records
 * nothing). The row is written only if it still has `before`'s version: every write to a
 * person bumps it, so a row written since is left alone and PersonChangedMeanwhile thrown.
 */
export async function commitPersonChange(
  db: Db,
  before: Person,
  resource: Record<string, unknown>,
  actor: Actor,
  reason: string | null = null,
): Promise<Person> {
  const changes = diffResources(before.resource, resource);
  if (changes.length === 0) return before;
  const columns = personColumns(resource);
  const now = new Date();
  const values = { ...columns, resource, deactivatedAt: deactivatedAtAfter(before, columns.active, now), updatedAt: now };
  try {
    const updated = await updatePerson(db, before, values, {
      tenantId: before.tenantId,
      action: actionFor(before.resource, resource),
      changes,
      actor,
      reason,
    });
    if (!updated) throw new PersonChangedMeanwhile(before.id);
    return updated;
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueness(`userName "${resource.userName}" is already taken in this tenant`);
    throw error;
  }
}
