import { sql, type SQL } from "drizzle-orm";
import { scimRequests } from "@/db/schema";

/**
 * Whether a logged SCIM request failed: any status of 400 or more, except a 404 answering a
 * GET. Entra looks a resource up by id before it updates it and reads the 404 as "create it"
 * (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups),
 * so that answer is routine, not trouble. Every count of failures uses this definition:
 * `isFailedRequest` for a row in hand, `failedRequestSql` inside a query.
 */
export function isFailedRequest(entry: { method: string; status: number }): boolean {
  return entry.status >= 400 && !(entry.status === 404 && entry.method === "GET");
}

/** A write that changed something (or was asked to): successful POST, PUT, PATCH, DELETE. */
export function isSuccessfulWrite(entry: { method: string; status: number }): boolean {
  return entry.status < 400 && ["POST", "PUT", "PATCH", "DELETE"].includes(entry.method);
}

/** isFailedRequest as a SQL condition on scim_requests. */
export function failedRequestSql(): SQL {
  return sql`(${scimRequests.status} >= 400 and not (${scimRequests.status} = 404 and ${scimRequests.method} = 'GET'))`;
}
