import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { checkbox } from "@/lib/form-fields";
import { lockIntegration } from "./internal/lock-integration";

export const MAX_MASS_CHANGE_THRESHOLD = 100_000;

/**
 * An integration's alert settings, as typed in the console's form or passed by code: where
 * alerts are emailed (empty: nowhere) and the mass-change guard's threshold (empty: off), and
 * whether tripping it pauses deactivations and deletions until an admin confirms.
 */
export const setAlertSettingsInput = z.strictObject({
  integrationId: z.uuid({ error: "No such integration" }),
  notificationEmail: z
    .union([z.string(), z.null()])
    .transform((value) => value?.trim() || null)
    .pipe(z.email({ error: "Enter an email address such as it-team@example.com, or leave it empty" }).max(254).nullable()),
  massChangeThreshold: z
    .union([z.number(), z.string(), z.null()])
    .transform((value) => (value === null || (typeof value === "string" && value.trim() === "") ? null : Number(value)))
    .pipe(
      z
        .number({ error: "Enter a whole number of people, or leave it empty to turn the guard off" })
        .int("Enter a whole number of people")
        .min(1, "Use at least 1")
        .max(MAX_MASS_CHANGE_THRESHOLD, `Use at most ${MAX_MASS_CHANGE_THRESHOLD.toLocaleString("en")}`)
        .nullable(),
    ),
  pauseOnMassChange: checkbox,
});
export type AlertSettingsInput = z.input<typeof setAlertSettingsInput>;

const keys = ["notificationEmail", "massChangeThreshold", "pauseOnMassChange"] as const;

/**
 * Sets one of this tenant's integrations' alert settings (another tenant's is not found) and
 * audits what changed; saving them unchanged records nothing. A pause needs a threshold.
 */
export async function setAlertSettings(db: Db, tenantId: string, raw: AlertSettingsInput, actor: AuditActor): Promise<{ integration: Integration; changed: boolean }> {
  const { integrationId, ...next } = parseInput(setAlertSettingsInput, raw);
  if (next.pauseOnMassChange && next.massChangeThreshold === null) {
    throw new AppError("bad_input", "Set a threshold to pause deletions when it is crossed", "massChangeThreshold");
  }
  return db.transaction(async (tx) => {
    const current = await lockIntegration(tx, tenantId, integrationId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of keys) if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
    if (Object.keys(changes).length === 0) return { integration: current, changed: false };
    // Turning the pause option off lifts a pause in force: nothing would ever confirm it.
    const lift = next.pauseOnMassChange ? {} : { removalsPausedAt: null };
    const [integration] = await tx
      .update(integrations)
      .set({ ...next, ...lift })
      .where(eq(integrations.id, current.id))
      .returning();
    await recordAudit(tx, { tenantId, actor, action: "integration.alerts_changed", detail: { integrationId, name: integration.name, changes } });
    return { integration, changed: true };
  });
}
