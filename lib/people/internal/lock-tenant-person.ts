import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people, type Person } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/history/record-event";
import { isUuid } from "@/lib/is-uuid";

/**
 * A person of this tenant, locked for a console or CLI action, or not_found: another
 * tenant's id and a malformed one look the same. FOR UPDATE (not NO KEY UPDATE) so that a
 * purge also waits for, and makes wait, the request log's KEY SHARE check of a SCIM write.
 */
export async function lockTenantPerson(tx: Db, tenantId: string, personId: string): Promise<Person> {
  const [person] = isUuid(personId)
    ? await tx
        .select()
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
        .for("update")
    : [];
  if (!person) throw new AppError("not_found", "No such person in this tenant.");
  return person;
}

/** A refused action names the person's current version when it is not the one the form saw. */
export function assertVersion(person: Person, expected: number | undefined): void {
  if (expected !== undefined && expected !== person.version) {
    throw new AppError("conflict", "This person changed since the page was opened. Reload it and try again.");
  }
}

/** The History actor of a console user's or the CLI's action. */
export function historyActor(actor: AuditActor): Actor {
  return { type: actor.userId ? "console_user" : "system", id: actor.userId, label: actor.label };
}
