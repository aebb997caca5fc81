import { sql, type SQL } from "drizzle-orm";
import { scimRequests } from "@/db/schema";
import { ONE_RESOURCE_PATTERN } from "./request-outcome";

/** `isFailedRequest` as a WHERE clause on the request log, for the "Failures only" filter. */
export function failedRequestSql(): SQL {
  return sql`(${scimRequests.status} >= 400 and not (${scimRequests.status} = 404 and ${scimRequests.method} in ('GET', 'DELETE') and ${scimRequests.path} ~ ${ONE_RESOURCE_PATTERN}))`;
}
