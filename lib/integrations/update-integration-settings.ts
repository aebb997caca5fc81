import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, type Integration, type IntegrationSettings } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { checkbox } from "@/lib/form-fields";

/** Empty: new people get no region. TrackTik puts them in "HQ" (seed 004). */
export const defaultRegionField = z
  .string()
  .trim()
  .max(64, "Use at most 64 characters")
  .regex(/^[^\p{Cc}]*$/u, "Use printable characters only");
export const deleteModeField = z.enum(["soft", "hard"], { error: "Choose soft or hard delete" });
export const matchExistingField = z.enum(["refuse", "takeOver"], { error: "Choose refuse or take over" });

/**
 * The behaviour settings an admin may set, all of them at once (see DESIGN.md), for one
 * integration. An unknown setting is refused, not ignored.
 */
export const updateIntegrationSettingsInput = z.strictObject({
  integrationId: z.uuid({ error: "No such integration" }),
  groupsEnabled: checkbox,
  lowercaseIdentifiers: checkbox,
  coupleUserNameAndEmail: checkbox,
  defaultRegion: defaultRegionField,
  deleteMode: deleteModeField,
  matchExisting: matchExistingField,
});

type SettingsChange = Partial<Record<keyof IntegrationSettings, { from: unknown; to: unknown }>>;

/**
 * Replaces an integration's behaviour settings; they apply from the next SCIM request on.
 * The tenant is in the WHERE, so another tenant's integration is not found. The audit entry
 * lists only what changed; saving unchanged settings records nothing.
 */
export async function updateIntegrationSettings(
  db: Db,
  tenantId: string,
  raw: { integrationId: string } & IntegrationSettings,
  actor: AuditActor,
): Promise<{ integration: Integration; changed: (keyof IntegrationSettings)[] }> {
  const { integrationId, ...settings } = parseInput(updateIntegrationSettingsInput, raw);
  const next: IntegrationSettings = settings;
  const which = { tenantId, integrationId };
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(integrations)
      .where(and(eq(integrations.id, which.integrationId), eq(integrations.tenantId, which.tenantId)))
      .for("update");
    if (!current) throw new AppError("not_found", "No such integration");
    const changes: SettingsChange = {};
    for (const key of Object.keys(next) as (keyof IntegrationSettings)[]) {
      if (current.settings[key] !== next[key]) changes[key] = { from: current.settings[key], to: next[key] };
    }
    const changed = Object.keys(changes) as (keyof IntegrationSettings)[];
    if (changed.length === 0) return { integration: current, changed };
    const [integration] = await tx
      .update(integrations)
      .set({ settings: { ...current.settings, ...next } })
      .where(and(eq(integrations.id, current.id), eq(integrations.tenantId, which.tenantId)))
      .returning();
    await recordAudit(tx, {
      tenantId: which.tenantId,
      actor,
      action: "integration.settings_updated",
      detail: { integrationId: integration.id, name: integration.name, changes },
    });
    return { integration, changed };
  });
}
