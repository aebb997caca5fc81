import type { Db } from "@/db/client";
import { duePeople, scheduledPurgeOf, type ScheduledPurge } from "./internal/due-people";

export type { ScheduledPurge } from "./internal/due-people";

/** When this person of this tenant will be purged, and under which rule; null when no policy applies. */
export async function findScheduledPurge(db: Db, tenantId: string, personId: string): Promise<ScheduledPurge | null> {
  const [row] = await duePeople(db, { tenantId, personId }).limit(1);
  return row ? scheduledPurgeOf(row) : null;
}
