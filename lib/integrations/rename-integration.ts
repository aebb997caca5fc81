import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, isUniqueViolation, parseInput } from "@/lib/errors";
import { INTEGRATION_NAME_KEY, integrationNameField } from "./internal/integration-name";

export const renameIntegrationInput = z.object({
  integrationId: z.uuid({ error: "No such integration" }),
  name: integrationNameField,
});

/**
 * Names an integration ("Entra production"), so two of one provider read apart in every
 * list. Audited; another integration of the tenant with that name refuses it on the field.
 */
export async function renameIntegration(
  db: Db,
  tenantId: string,
  raw: z.input<typeof renameIntegrationInput>,
  actor: AuditActor,
): Promise<{ integration: Integration; changed: boolean }> {
  const { integrationId, name } = parseInput(renameIntegrationInput, raw);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(integrations)
        .where(and(eq(integrations.tenantId, tenantId), eq(integrations.id, integrationId)))
        .for("update");
      if (!before) throw new AppError("not_found", "No such integration");
      if (before.name === name) return { integration: before, changed: false };
      const [integration] = await tx.update(integrations).set({ name }).where(eq(integrations.id, before.id)).returning();
      await recordAudit(tx, { tenantId, actor, action: "integration.renamed", detail: { integrationId, from: before.name, to: name } });
      return { integration, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error, INTEGRATION_NAME_KEY)) {
      throw new AppError("conflict", `Another integration is already named “${name}”. Choose another name.`, "name");
    }
    throw error;
  }
}
