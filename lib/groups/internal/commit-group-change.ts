import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, type Group } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import { recordEvent, type Actor } from "@/lib/history/record-event";
import { diffResources } from "@/lib/scim/diff";
import { uniqueness } from "@/lib/scim/errors";
import { groupRow } from "../group-version";
import { groupColumns } from "./group-columns";

/** displayName is unique per tenant, case-insensitively (Entra matches groups by it). */
export function displayNameTaken(displayName: unknown) {
  return uniqueness(`A group named "${String(displayName)}" already exists in this tenant`);
}

/**
 * Stores a group's new resource and bumps its version ONCE for the whole request, when its
 * attributes or its membership changed; a request that changed nothing bumps nothing and
 * records nothing. The caller holds the row lock (findGroup with a lock).
 */
export async function commitGroupChange(
  tx: Db,
  before: Group,
  resource: Record<string, unknown>,
  actor: Actor,
  membershipChanged: boolean,
): Promise<Group> {
  const changes = diffResources(before.resource, resource);
  if (changes.length === 0 && !membershipChanged) return before;
  let updated: Group;
  try {
    [updated] = await tx
      .update(groups)
      .set({ ...groupColumns(resource), resource, version: sql`${groups.version} + 1`, updatedAt: new Date() })
      .where(eq(groups.id, before.id))
      .returning(groupRow);
  } catch (error) {
    if (isUniqueViolation(error)) throw displayNameTaken(resource.displayName);
    throw error;
  }
  if (changes.length > 0) {
    await recordEvent(tx, {
      tenantId: before.tenantId,
      subjectType: "group",
      subjectId: before.id,
      action: changes.some((c) => c.path === "displayName") ? "renamed" : "updated",
      changes,
      actor,
    });
  }
  return updated;
}
