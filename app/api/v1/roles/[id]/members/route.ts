import { getDb } from "@/db/client";
import { serveApiRequest } from "@/lib/api-keys/serve-api-request";
import { listApiRoleMembers } from "@/lib/groups/list-api-role-members";

export const dynamic = "force-dynamic";

/** GET /api/v1/roles/{id}/members?after&limit: one page of a role's members, as people. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveApiRequest(await getDb(), request, ({ db, tenantId, query }) => listApiRoleMembers(db, tenantId, id, query));
}
