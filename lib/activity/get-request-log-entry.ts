import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integrations, scimRequests } from "@/db/schema";
import { requestLogColumns, type RequestLogRow } from "./list-request-log";

export type RequestLogEntry = RequestLogRow & {
  integrationId: string | null;
  userAgent: string | null;
  /** As logged: passwords and secrets already replaced by "[redacted]". */
  requestBody: unknown;
  /** The body was over 64 KiB: `requestBody` is the start of its redacted JSON text. */
  bodyTruncated: boolean;
};

/** One logged SCIM request of this tenant, or null: another tenant's entry is not found. */
export async function getRequestLogEntry(db: Db, tenantId: string, id: string): Promise<RequestLogEntry | null> {
  if (!/^[1-9][0-9]{0,15}$/.test(id)) return null;
  const [row] = await db
    .select({
      ...requestLogColumns,
      integrationId: scimRequests.integrationId,
      userAgent: scimRequests.userAgent,
      requestBody: scimRequests.requestBody,
      bodyTruncated: scimRequests.bodyTruncated,
    })
    .from(scimRequests)
    .leftJoin(integrations, eq(integrations.id, scimRequests.integrationId))
    .where(and(eq(scimRequests.tenantId, tenantId), eq(scimRequests.id, Number(id))));
  return row ?? null;
}
