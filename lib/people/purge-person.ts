import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { purgeLockedPeople } from "./internal/purge-locked-people";
import { assertVersion, historyActor, lockTenantPerson } from "./internal/lock-tenant-person";
import { reasonField } from "./internal/person-action-input";

/**
 * The console sends what was typed to confirm, which must be the person's userName; the CLI,
 * run by automation that names the person exactly, sends null.
 */
export const purgePersonInput = z.object({
  personId: z.string().min(1, "Say which person."),
  reason: reasonField,
  confirmUserName: z.string().nullable(),
  version: z.coerce.number().int().positive().optional(),
});
export type PurgePersonInput = z.input<typeof purgePersonInput>;

/**
 * Permanently deletes one person of this tenant, in any state (active, inactive, deleted and
 * retained), and audits it. The row lock makes a SCIM write in flight finish first (then its
 * change is purged too) or find the person gone (404): never half-purged, never resurrected.
 */
export async function purgePerson(db: Db, tenantId: string, raw: PurgePersonInput, actor: AuditActor): Promise<void> {
  const input = parseInput(purgePersonInput, raw);
  await db.transaction(async (tx) => {
    const person = await lockTenantPerson(tx, tenantId, input.personId);
    if (person.purgedAt) throw new AppError("conflict", "This person was already permanently deleted.");
    assertVersion(person, input.version);
    if (input.confirmUserName !== null && input.confirmUserName.trim().toLowerCase() !== person.userName.toLowerCase()) {
      throw new AppError("bad_input", "Type the person's userName exactly to confirm.", "confirmUserName");
    }
    await purgeLockedPeople(tx, tenantId, [person], historyActor(actor), input.reason);
    await recordAudit(tx, { tenantId, actor, action: "person.purged", detail: { personId: person.id, reason: input.reason } });
  });
}
