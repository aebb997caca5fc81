import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";

/**
 * Which of these people (tenant and id) were permanently deleted, read under a KEY SHARE lock
 * in the caller's transaction: a purge in flight (FOR UPDATE) commits first and the answer is
 * yes, or waits until the caller commits and then scrubs what the caller wrote. The SCIM
 * request log uses it so a request that raced a purge never leaves the person's data behind
 * in its body. Answers the purged ids.
 */
export async function purgedAmong(tx: Db, subjects: { tenantId: string; personId: string }[]): Promise<Set<string>> {
  const ids = [...new Set(subjects.map((s) => s.personId).filter(isUuid))];
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: people.id, tenantId: people.tenantId, purgedAt: people.purgedAt })
    .from(people)
    .where(inArray(people.id, ids))
    .for("key share");
  const tenantOf = new Map(subjects.map((s) => [s.personId, s.tenantId]));
  return new Set(rows.filter((r) => r.purgedAt !== null && tenantOf.get(r.id) === r.tenantId).map((r) => r.id));
}
