import { getDb } from "@/db/client";
import { serveApiRequest } from "@/lib/api-keys/serve-api-request";
import { listApiRoles } from "@/lib/groups/list-api-roles";

export const dynamic = "force-dynamic";

/** GET /api/v1/roles?after&limit: one page of the tenant's roles, with member counts. */
export async function GET(request: Request) {
  return serveApiRequest(await getDb(), request, ({ db, tenantId, query }) => listApiRoles(db, tenantId, query));
}
