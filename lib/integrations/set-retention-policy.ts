import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/errors";
import { lockIntegration } from "./internal/lock-integration";

export const MAX_RETENTION_DAYS = 3650;

const days = (after: string) =>
  z
    .number({ error: `Enter the number of days after ${after}, or turn this rule off.` })
    .int(`Enter a whole number of days after ${after}.`)
    .min(1, `Purge at least 1 day after ${after}.`)
    .max(MAX_RETENTION_DAYS, `Purge at most ${MAX_RETENTION_DAYS} days (10 years) after ${after}.`)
    .nullable();

/** An integration's retention policy: each rule a number of days, or null when off. */
export const retentionPolicyInput = z.strictObject({
  purgeDaysAfterDeletion: days("deletion"),
  purgeDaysAfterDeactivation: days("deactivation"),
});
export type RetentionPolicy = z.infer<typeof retentionPolicyInput>;

/** Days as typed in the console's form: empty turns the rule off; the service checks the rest. */
const typedDays = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? Number(value.trim()) : null));

/** The console's form: which integration, and each rule's days as typed. */
export const setRetentionPolicyInput = z.object({
  integrationId: z.uuid({ error: "No such integration" }),
  purgeDaysAfterDeletion: typedDays,
  purgeDaysAfterDeactivation: typedDays,
});

/**
 * Sets the retention policy of one of this tenant's integrations (another tenant's is not
 * found) and audits what changed; saving it unchanged records nothing. The scheduled job and
 * every person's page read it from the next moment on.
 */
export async function setRetentionPolicy(
  db: Db,
  which: { tenantId: string; integrationId: string },
  raw: RetentionPolicy,
  actor: AuditActor,
): Promise<{ integration: Integration; changed: boolean }> {
  const next = parseInput(retentionPolicyInput, raw);
  return db.transaction(async (tx) => {
    const current = await lockIntegration(tx, which.tenantId, which.integrationId);
    const changes: Record<string, { from: number | null; to: number | null }> = {};
    for (const key of ["purgeDaysAfterDeletion", "purgeDaysAfterDeactivation"] as const) {
      if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
    }
    if (Object.keys(changes).length === 0) return { integration: current, changed: false };
    const [integration] = await tx.update(integrations).set(next).where(eq(integrations.id, current.id)).returning();
    await recordAudit(tx, {
      tenantId: which.tenantId,
      actor,
      action: "integration.retention_changed",
      detail: { integrationId: integration.id, name: integration.name, changes },
    });
    return { integration, changed: true };
  });
}
