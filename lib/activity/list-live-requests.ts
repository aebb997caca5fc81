import { and, desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { scimRequests } from "@/db/schema";
import { explainRequest } from "@/lib/connection-health/explain-request";
import { parseInput } from "@/lib/errors";

export const listLiveRequestsInput = z.strictObject({
  integrationId: z.uuid({ error: "No such integration" }),
  /** The newest id the caller has; 0 for the latest page. */
  afterId: z.number().int().min(0),
});

export type LiveRequest = {
  id: number;
  createdAt: Date;
  method: string;
  path: string;
  status: number;
  /** Why it failed, in words an admin can act on; null for a success. */
  explanation: string | null;
};

/**
 * An integration's requests newer than `afterId`, newest first, at most 20: what the live panel
 * adds at each poll. One range scan on scim_requests_integration_idx; the tenant is in the WHERE.
 */
export async function listLiveRequests(db: Db, tenantId: string, raw: z.input<typeof listLiveRequestsInput>): Promise<LiveRequest[]> {
  const { integrationId, afterId } = parseInput(listLiveRequestsInput, raw);
  const rows = await db
    .select({
      id: scimRequests.id,
      createdAt: scimRequests.createdAt,
      method: scimRequests.method,
      path: scimRequests.path,
      status: scimRequests.status,
      detail: scimRequests.detail,
      scimType: scimRequests.scimType,
    })
    .from(scimRequests)
    .where(and(eq(scimRequests.integrationId, integrationId), eq(scimRequests.tenantId, tenantId), gt(scimRequests.id, afterId)))
    .orderBy(desc(scimRequests.id))
    .limit(20);
  return rows.map(({ detail, scimType, ...row }) => ({ ...row, explanation: explainRequest({ ...row, detail, scimType }) }));
}
