import { getDb } from "@/db/client";
import { serveApiRequest } from "@/lib/api-keys/serve-api-request";
import { listApiPeople } from "@/lib/people/list-api-people";

export const dynamic = "force-dynamic";

/** GET /api/v1/people?after&limit&status&integration&role&updated_since: one page of the tenant's people. */
export async function GET(request: Request) {
  return serveApiRequest(await getDb(), request, ({ db, tenantId, query }) => listApiPeople(db, tenantId, query));
}
