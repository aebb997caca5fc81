import { getDatabase } from "@/db/client";
import { isDraining } from "./draining";

export type Readiness = { ready: boolean; state: "serving" | "draining" | "starting" };

/**
 * Whether a load balancer should send this instance requests: not while it shuts down, nor
 * before its database is open and migrated. Liveness (/api/health) is a separate question:
 * a draining instance is alive, and a database outage makes every instance unready alike.
 */
export async function checkReadiness(): Promise<Readiness> {
  if (isDraining()) return { ready: false, state: "draining" };
  const opened = await Promise.race([
    getDatabase().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
  ]);
  return opened ? { ready: true, state: "serving" } : { ready: false, state: "starting" };
}
