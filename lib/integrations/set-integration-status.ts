import { and, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrationStatuses, integrations, type Integration } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { recordIntegrationStateChange } from "@/lib/events/record-integration-state-change";
import { historyActor } from "@/lib/people/internal/lock-tenant-person";

export const setIntegrationStatusInput = z.object({
  integrationId: z.uuid({ error: "No such integration" }),
  status: z.enum(integrationStatuses, { error: "Choose active or disabled" }),
});

/**
 * Disables an integration (every SCIM request of its tokens then answers 401, and nothing it
 * provisioned is touched) or enables it again; a change of status is an outbox event. With a tenantId, another tenant's
 * integration is simply not found; operators (the CLI) pass null.
 */
export async function setIntegrationStatus(
  db: Db,
  tenantId: string | null,
  raw: z.input<typeof setIntegrationStatusInput>,
  actor: AuditActor,
): Promise<Integration> {
  const { integrationId, status } = parseInput(setIntegrationStatusInput, raw);
  const conditions: SQL[] = [eq(integrations.id, integrationId)];
  if (tenantId) conditions.push(eq(integrations.tenantId, tenantId));
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ status: integrations.status }).from(integrations).where(and(...conditions)).for("update");
    if (!current) throw new AppError("not_found", "No such integration");
    const [updated] = await tx.update(integrations).set({ status }).where(and(...conditions)).returning();
    if (current.status !== status) {
      await recordIntegrationStateChange(tx, updated, { aspect: "status", previous: current.status, state: status }, historyActor(actor));
    }
    await recordAudit(tx, {
      tenantId: updated.tenantId,
      actor,
      action: status === "disabled" ? "integration.disabled" : "integration.enabled",
      detail: { integrationId: updated.id, name: updated.name },
    });
    return updated;
  });
}
