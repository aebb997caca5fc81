import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scimRequests } from "@/db/schema";
import { containsAny, queryEncoded } from "./like-any";

export const REMOVED_FROM_LOG = "[removed: named a permanently deleted person]";

/**
 * Removes a purged person from the SCIM request log: every entry about them (by path) or
 * naming them (body, filter, error detail) has its body, and a path, query string or detail
 * that names them, replaced by a note saying why. Method, status and timing stay: the log still shows what happened.
 */
export async function scrubRequestLog(tx: Db, tenantId: string, personIds: string[], terms: string[]): Promise<void> {
  const inQuery = [...terms, ...terms.map(queryEncoded)];
  const body = sql`${scimRequests.requestBody}::text`;
  const path = sql`${scimRequests.path}`;
  const query = sql`${scimRequests.query}`;
  const detail = sql`coalesce(${scimRequests.detail}, '')`;
  await tx
    .update(scimRequests)
    .set({
      requestBody: sql`case when ${scimRequests.requestBody} is null then null else to_jsonb(${REMOVED_FROM_LOG}::text) end`,
      path: sql`case when ${containsAny(path, terms)} then ${REMOVED_FROM_LOG} else ${path} end`,
      query: sql`case when ${containsAny(query, inQuery)} then ${REMOVED_FROM_LOG} else ${query} end`,
      detail: sql`case when ${containsAny(detail, terms)} then ${REMOVED_FROM_LOG} else ${scimRequests.detail} end`,
    })
    .where(
      sql`(${scimRequests.tenantId} = ${tenantId} or ${scimRequests.tenantId} is null) and (
        ${containsAny(path, [...personIds, ...terms])} or ${containsAny(body, [...personIds, ...terms])}
        or ${containsAny(query, inQuery)} or ${containsAny(detail, terms)})`,
    );
}
