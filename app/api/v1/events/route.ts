import { getDb } from "@/db/client";
import { serveApiRequest } from "@/lib/api-keys/serve-api-request";
import { listChangeEvents } from "@/lib/events/list-change-events";

export const dynamic = "force-dynamic";

/** GET /api/v1/events?after=<event id>&limit=<n>: the tenant's change events, oldest first. */
export async function GET(request: Request) {
  return serveApiRequest(await getDb(), request, ({ db, tenantId, query }) => listChangeEvents(db, tenantId, query));
}
