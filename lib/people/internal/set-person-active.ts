import type { Db } from "@/db/client";
import type { Person } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { commitPersonChange } from "./commit-person-change";
import { personNameOf } from "../person-status";
import { assertVersion, historyActor, lockTenantPerson } from "./lock-tenant-person";
import { personActionInput, type PersonActionInput } from "./person-action-input";

/**
 * Deactivation and reactivation by support: the same change an identity provider's PATCH of
 * `active` makes (SCIM reads show it at once, the version bumps), recorded in History with
 * who did it and why, and audited. The identity provider stays the owner of `active`: its
 * next push wins.
 */
export async function setPersonActive(
  db: Db,
  tenantId: string,
  raw: PersonActionInput,
  active: boolean,
  actor: AuditActor,
): Promise<Person> {
  const input = parseInput(personActionInput, raw);
  return db.transaction(async (tx) => {
    const person = await lockTenantPerson(tx, tenantId, input.personId);
    assertVersion(person, input.version);
    const name = personNameOf(person);
    if (person.purgedAt) throw new AppError("conflict", "This person was permanently deleted.");
    if (person.deletedAt) {
      throw new AppError("conflict", `${name} was deleted by the identity provider; only a permanent delete applies now.`);
    }
    if (person.active === active) throw new AppError("conflict", `${name} is already ${active ? "active" : "inactive"}.`);
    const updated = await commitPersonChange(tx, person, { ...person.resource, active }, historyActor(actor), input.reason);
    await recordAudit(tx, {
      tenantId,
      actor,
      action: active ? "person.reactivated" : "person.deactivated",
      detail: { personId: person.id, reason: input.reason },
    });
    return updated;
  });
}
