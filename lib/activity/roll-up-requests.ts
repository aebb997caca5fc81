import { isFailedRequest, isSuccessfulWrite } from "./request-outcome";

export type RolledUpEntry = { tenantId?: string | null; integrationId?: string | null; method: string; path: string; status: number; createdAt?: Date };

/** One integration's counts for one hour, as scim_request_hours adds them up. */
export type RequestHour = { integrationId: string; tenantId: string; hour: Date; requests: number; failures: number; writes: number };

const HOUR_MS = 3_600_000;

/**
 * Log entries counted by integration and hour, for the request log's writer to add to
 * scim_request_hours in the statement that inserts them, so the counts and the log agree.
 * Entries without an integration (a request whose URL and credentials named none) belong to
 * no chart and are left out.
 */
export function rollUpRequests(entries: RolledUpEntry[], now = new Date()): RequestHour[] {
  const counts = new Map<string, RequestHour>();
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
  return [...counts.values()];
}
