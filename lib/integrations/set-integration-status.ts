import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

/**
 * Disables an integration (every SCIM request of its tokens then answers 401, and nothing it
 * provisioned is touched) or enables it again. With a tenantId, another tenant's
 * integration is simply not found.
 */
export async function setIntegrationStatus(
  db: Db,
  which: { integrationId: string; tenantId?: string },
  status: Integration["status"],
  actor: AuditActor,
): Promise<Integration> {
  const conditions: SQL[] = [eq(integrations.id, which.integrationId)];
  if (which.tenantId) conditions.push(eq(integrations.tenantId, which.tenantId));
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(integrations).set({ status }).where(and(...conditions)).returning();
    if (!updated) throw new AppError("not_found", "No such integration");
    await recordAudit(tx, {
      tenantId: updated.tenantId,
      actor,
      action: status === "disabled" ? "integration.disabled" : "integration.enabled",
      detail: { integrationId: updated.id, name: updated.name },
    });
    return updated;
  });
}
