import { and, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError, parseInput } from "@/lib/errors";

/** Requests per second, or null for the default (lib/provisioning/request-guards.ts). */
const outOfRange = "The rate limit must be a whole number of requests per second from 1 to 10000, or the default";
export const rateLimitSchema = z
  .number({ error: outOfRange })
  .int({ error: outOfRange })
  .min(1, { error: outOfRange })
  .max(10_000, { error: outOfRange })
  .nullable();

/**
 * Sets how many SCIM requests per second an integration may make (bursts of twice that)
 * before it is answered 429; null returns it to the default. The limit holds per app
 * instance. With a tenantId, another tenant's integration is simply not found.
 */
export async function setIntegrationRateLimit(
  db: Db,
  which: { integrationId: string; tenantId?: string },
  raw: number | null,
  actor: AuditActor,
): Promise<Integration> {
  const rateLimitPerSecond = parseInput(rateLimitSchema, raw);
  const conditions: SQL[] = [eq(integrations.id, which.integrationId)];
  if (which.tenantId) conditions.push(eq(integrations.tenantId, which.tenantId));
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ rateLimitPerSecond: integrations.rateLimitPerSecond }).from(integrations).where(and(...conditions)).for("update");
    if (!before) throw new AppError("not_found", "No such integration");
    const [updated] = await tx.update(integrations).set({ rateLimitPerSecond }).where(and(...conditions)).returning();
    await recordAudit(tx, {
      tenantId: updated.tenantId,
      actor,
      action: "integration.rate_limit_changed",
      detail: { integrationId: updated.id, name: updated.name, from: before.rateLimitPerSecond, to: rateLimitPerSecond },
    });
    return updated;
  });
}
