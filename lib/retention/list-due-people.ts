import type { Db } from "@/db/client";
import { duePeople, scheduledPurgeOf, type ScheduledPurge } from "./internal/due-people";

/** Everyone a run at `now` would purge (of one tenant, or of all): the CLI's dry run. */
export async function listDuePeople(db: Db, run: { now: Date; tenantId?: string }): Promise<ScheduledPurge[]> {
  const rows = await duePeople(db, { tenantId: run.tenantId, dueBy: run.now });
  return rows.map(scheduledPurgeOf);
}
