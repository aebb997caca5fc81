import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";

/**
 * Whether a person was permanently deleted, read under a KEY SHARE lock in the caller's
 * transaction: a purge in flight (FOR UPDATE) commits first and the answer is yes, or waits
 * until the caller commits and then scrubs what the caller wrote. The SCIM request log uses
 * it so a request that raced a purge never leaves the person's data behind in its body.
 */
export async function isPersonPurged(tx: Db, tenantId: string, personId: string): Promise<boolean> {
  if (!isUuid(personId)) return false;
  const rows = await tx
    .select({ purgedAt: people.purgedAt })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
    .for("key share");
  return rows.length > 0 && rows[0].purgedAt !== null;
}
