import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scimRequestHours } from "@/db/schema";
import { isFailedRequest, isSuccessfulWrite } from "./request-outcome";

export type RolledUpEntry = { tenantId?: string | null; integrationId?: string | null; method: string; path: string; status: number; createdAt?: Date };

const HOUR_MS = 3_600_000;

/**
 * Adds log entries to their integration's hourly counts, in one upsert, inside the caller's
 * transaction so the counts and the log agree. Entries without an integration (a request
 * whose URL and credentials named none) belong to no chart and are skipped.
 */
export async function rollUpRequests(tx: Db, entries: RolledUpEntry[], now = new Date()): Promise<void> {
  const counts = new Map<string, { integrationId: string; tenantId: string; hour: Date; requests: number; failures: number; writes: number }>();
  for (const entry of entries) {
    if (!entry.integrationId || !entry.tenantId) continue;
    const at = (entry.createdAt ?? now).getTime();
    const hour = new Date(at - (at % HOUR_MS));
    const key = `${entry.integrationId}|${hour.getTime()}`;
    const row = counts.get(key) ?? { integrationId: entry.integrationId, tenantId: entry.tenantId, hour, requests: 0, failures: 0, writes: 0 };
    row.requests += 1;
    if (isFailedRequest(entry)) row.failures += 1;
    if (isSuccessfulWrite(entry)) row.writes += 1;
    counts.set(key, row);
  }
  if (counts.size === 0) return;
  await tx
    .insert(scimRequestHours)
    .values([...counts.values()])
    .onConflictDoUpdate({
      target: [scimRequestHours.integrationId, scimRequestHours.hour],
      set: {
        requests: sql`${scimRequestHours.requests} + excluded.requests`,
        failures: sql`${scimRequestHours.failures} + excluded.failures`,
        writes: sql`${scimRequestHours.writes} + excluded.writes`,
      },
    });
}
