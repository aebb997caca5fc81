import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { isUuid } from "@/lib/is-uuid";
import { historyActor } from "./internal/lock-tenant-person";
import { reasonField } from "./internal/person-action-input";
import { purgeLockedPeople } from "./internal/purge-locked-people";
import { peopleMatching } from "./search-people";

/** People purged per transaction: short row locks, bounded statements, steady progress. */
export const PURGE_BATCH_SIZE = 200;

/**
 * Either the selected rows (`personIds`, comma-separated as one form field) or everyone
 * matching the People table's filter; `confirmCount` is the number the console showed and
 * the person confirmed.
 */
export const purgePeopleInput = z.object({
  personIds: z.string().optional(),
  search: z.string().max(200).optional(),
  status: z.enum(["current", "active", "inactive", "deleted", "all"]).optional(),
  integrationId: z.uuid().optional(),
  roleId: z.uuid().optional(),
  department: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  confirmCount: z.coerce.number({ error: "Type the number of people to confirm." }).int().positive("Type the number of people to confirm."),
  reason: reasonField,
});
export type PurgePeopleInput = z.input<typeof purgePeopleInput>;

function selection(tenantId: string, input: z.infer<typeof purgePeopleInput>) {
  if (input.personIds !== undefined) {
    const ids = input.personIds.split(",").map((id) => id.trim()).filter(Boolean);
    if (ids.length === 0 || !ids.every(isUuid)) throw new AppError("bad_input", "Select the people to delete.");
    return and(eq(people.tenantId, tenantId), inArray(people.id, ids));
  }
  const { search, status, integrationId, roleId, department, region } = input;
  return peopleMatching(tenantId, { search, status, integrationId, roleId, department, region });
}

/**
 * Permanently deletes many people of this tenant. The matching ids are fixed first (someone
 * provisioned meanwhile who also matches is not deleted unconfirmed) and must number exactly
 * what was confirmed; then they are purged in batches, each its own transaction, each
 * audited. Returns how many were purged (one purged meanwhile by someone else is skipped).
 */
export async function purgePeople(db: Db, tenantId: string, raw: PurgePeopleInput, actor: AuditActor): Promise<{ purged: number }> {
  const input = parseInput(purgePeopleInput, raw);
  const matching = await db
    .select({ id: people.id })
    .from(people)
    .where(and(selection(tenantId, input), isNull(people.purgedAt)))
    .orderBy(asc(people.id));
  if (matching.length !== input.confirmCount) {
    throw new AppError("conflict", `This now matches ${matching.length} ${matching.length === 1 ? "person" : "people"}, not ${input.confirmCount}. Review the list and confirm again.`, "confirmCount");
  }
  let purged = 0;
  for (let start = 0; start < matching.length; start += PURGE_BATCH_SIZE) {
    const ids = matching.slice(start, start + PURGE_BATCH_SIZE).map((m) => m.id);
    purged += await db.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(people)
        .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids), isNull(people.purgedAt)))
        .orderBy(asc(people.id))
        .for("update");
      await purgeLockedPeople(tx, tenantId, batch, historyActor(actor), input.reason);
      await recordAudit(tx, { tenantId, actor, action: "people.purged", detail: { personIds: batch.map((p) => p.id), reason: input.reason } });
      return batch.length;
    });
  }
  return { purged };
}
