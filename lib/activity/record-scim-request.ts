import type { Db } from "@/db/client";
import { scimRequests } from "@/db/schema";
import { env } from "@/lib/env";
import { isPersonPurged } from "@/lib/people/is-person-purged";
import { pruneRequestLog } from "./prune-request-log";

/** One request log row as the SCIM handler made it: already bounded, redacted and storable. */
export type NewScimRequestLogEntry = Omit<typeof scimRequests.$inferInsert, "id" | "createdAt">;

let lastPrune = 0;

/**
 * Writes one row of the SCIM request log, and prunes the log about once an hour. A write about
 * one person (`aboutPersonId`) that raced their permanent delete is logged without its body:
 * the purge check and the insert share a transaction (see isPersonPurged), which only a logged
 * body about a person pays for.
 */
export async function recordScimRequest(db: Db, entry: NewScimRequestLogEntry, options: { aboutPersonId?: string } = {}): Promise<void> {
  const { aboutPersonId } = options;
  const tenantId = entry.tenantId;
  if (aboutPersonId && tenantId && entry.requestBody != null) {
    await db.transaction(async (tx) => {
      const purged = await isPersonPurged(tx, tenantId, aboutPersonId);
      await tx.insert(scimRequests).values(purged ? { ...entry, requestBody: null, bodyTruncated: false } : entry);
    });
  } else {
    await db.insert(scimRequests).values(entry);
  }
  const now = Date.now();
  if (now - lastPrune > 60 * 60_000) {
    lastPrune = now;
    await pruneRequestLog(db, env().SCIM_LOG_RETENTION_DAYS);
  }
}
