import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Serialises changes that can take away an admin, per tenant, so two admins demoting or
 * removing each other at once cannot leave none. Call inside the change's transaction.
 */
export async function lockTenantAdmins(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${tenantId}))`);
}

/** Refuses the change when `userId` is the tenant's only admin. Hold the lock first. */
export async function requireAnotherAdmin(tx: Db, tenantId: string, userId: string, field?: string): Promise<void> {
  const [{ admins }] = await tx
    .select({ admins: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "admin"), ne(memberships.userId, userId)));
  if (admins === 0) throw new AppError("conflict", "A tenant needs at least one admin", field);
}
