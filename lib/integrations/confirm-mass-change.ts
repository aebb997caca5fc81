import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/errors";
import { lockIntegration } from "./internal/lock-integration";

export const confirmMassChangeInput = z.strictObject({ integrationId: z.uuid({ error: "No such integration" }) });

/**
 * An admin confirms the removals that tripped the mass-change guard: a pause is lifted, and
 * the guard counts only removals after this moment, so the identity provider's retries go
 * through. Audited with whether a pause was lifted.
 */
export async function confirmMassChange(db: Db, tenantId: string, raw: z.input<typeof confirmMassChangeInput>, actor: AuditActor): Promise<Integration> {
  const { integrationId } = parseInput(confirmMassChangeInput, raw);
  return db.transaction(async (tx) => {
    const current = await lockIntegration(tx, tenantId, integrationId);
    const [integration] = await tx
      .update(integrations)
      .set({ removalsPausedAt: null, massChangeConfirmedAt: sql`now()` })
      .where(eq(integrations.id, current.id))
      .returning();
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "integration.mass_change_confirmed",
      detail: { integrationId, name: integration.name, pausedSince: current.removalsPausedAt?.toISOString() ?? null },
    });
    return integration;
  });
}
