import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, people } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";
import { deactivatePerson } from "@/lib/people/deactivate-person";
import { countAll } from "@/lib/paged-query";
import { purgePeople } from "@/lib/people/purge-people";
import { findIntegration } from "./find-integration";

/** What becomes of the people an uninstalled integration provisioned. */
export const uninstallChoices = ["keep", "deactivate", "delete"] as const;
export type UninstallChoice = (typeof uninstallChoices)[number];

export const uninstallIntegrationInput = z.object({
  integrationId: z.uuid({ error: "No such integration" }),
  people: z.enum(uninstallChoices, { error: "Choose what happens to the people it provisioned." }),
  /** The integration's name, typed by the admin to confirm. */
  confirmName: z.string({ error: "Type the integration's name to confirm." }).trim().min(1, "Type the integration's name to confirm."),
});

/**
 * Uninstalls an integration: its tokens stop working at once (it is disabled first), then its
 * people are kept (no longer managed by any integration), deactivated, or permanently deleted,
 * each through the people services (History and audit as if support did it one by one), and
 * finally the integration goes with its tokens and request log. Roles it provisioned stay,
 * unmanaged. Interrupted, it can be run again: the integration is still there, disabled.
 */
export async function uninstallIntegration(
  db: Db,
  tenantId: string,
  raw: z.input<typeof uninstallIntegrationInput>,
  actor: AuditActor,
): Promise<{ name: string; affected: number }> {
  const input = parseInput(uninstallIntegrationInput, raw);
  const integration = await findIntegration(db, tenantId, input.integrationId);
  if (!integration) throw new AppError("not_found", "No such integration");
  if (input.confirmName.toLowerCase() !== integration.name.toLowerCase()) {
    throw new AppError("bad_input", `Type “${integration.name}” to confirm.`, "confirmName");
  }
  await db.update(integrations).set({ status: "disabled" }).where(and(eq(integrations.tenantId, tenantId), eq(integrations.id, integration.id)));

  const reason = `${integration.name} was uninstalled`;
  const managed = and(eq(people.tenantId, tenantId), eq(people.integrationId, integration.id), isNull(people.purgedAt));
  let affected = 0;
  if (input.people === "deactivate") {
    const active = await db.select({ id: people.id }).from(people).where(and(managed, isNull(people.deletedAt), eq(people.active, true)));
    for (const { id } of active) {
      try {
        await deactivatePerson(db, tenantId, { personId: id, reason }, actor);
        affected++;
      } catch (error) {
        // Deactivated, deleted or purged meanwhile: already where the admin wants them.
        if (!(error instanceof AppError && error.code === "conflict")) throw error;
      }
    }
  } else if (input.people === "delete") {
    const [{ total: count }] = await db.select({ total: countAll }).from(people).where(managed);
    if (count > 0) affected = (await purgePeople(db, tenantId, { integrationId: integration.id, status: "all", confirmCount: count, reason }, actor)).purged;
  }

  await db.transaction(async (tx) => {
    await tx.delete(integrations).where(and(eq(integrations.tenantId, tenantId), eq(integrations.id, integration.id)));
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "integration.uninstalled",
      detail: { integrationId: integration.id, name: integration.name, provider: integration.provider, people: input.people, affected },
    });
  });
  return { name: integration.name, affected };
}
