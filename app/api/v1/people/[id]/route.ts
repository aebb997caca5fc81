import { getDb } from "@/db/client";
import { serveApiRequest } from "@/lib/api-keys/serve-api-request";
import { findApiPerson } from "@/lib/people/find-api-person";

export const dynamic = "force-dynamic";

/** GET /api/v1/people/{id}: one person of the tenant. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveApiRequest(await getDb(), request, ({ db, tenantId }) => findApiPerson(db, tenantId, id));
}
