import type { Db } from "@/db/client";
import type { Person } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record-audit";
import { setPersonActive } from "./internal/set-person-active";
import { personActionInput, type PersonActionInput } from "./internal/person-action-input";

export const reactivatePersonInput = personActionInput;

/** Support reactivates a deactivated person: `active:true` over SCIM at once. */
export function reactivatePerson(db: Db, tenantId: string, input: PersonActionInput, actor: AuditActor): Promise<Person> {
  return setPersonActive(db, tenantId, input, true, actor);
}
