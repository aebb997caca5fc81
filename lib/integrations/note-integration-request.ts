import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, type Integration } from "@/db/schema";

/** The integration's "last request" shown in the console is accurate to a few seconds. */
const LAST_REQUEST_INTERVAL_MS = 5_000;

/**
 * Records that the integration made an authenticated request. `integration` is the copy read
 * to authenticate: its last-request time is rewritten only when that copy is older than the
 * interval, not on every request of a busy sync.
 */
export async function noteIntegrationRequest(
  db: Db,
  integration: Pick<Integration, "id" | "lastRequestAt">,
  now = new Date(),
): Promise<void> {
  if (now.getTime() - (integration.lastRequestAt?.getTime() ?? 0) <= LAST_REQUEST_INTERVAL_MS) return;
  await db.update(integrations).set({ lastRequestAt: now }).where(eq(integrations.id, integration.id));
}
