import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

export const REMOVED_FROM_SEARCH = "[removed: named a permanently deleted person]";

/**
 * A permanent delete also removes what platform staff typed to find the person: in this
 * tenant's entries and in the platform's (no tenant), a search whose text is the start of
 * one of their identifying terms, or contains one, keeps who searched and when, not what.
 */
export async function scrubPeopleSearches(tx: Db, tenantId: string, terms: string[]): Promise<void> {
  if (terms.length === 0) return;
  const list = sql.join(
    terms.map((term) => sql`${term}`),
    sql`, `,
  );
  const searched = sql`lower(${auditLog.detail}->>'query')`;
  await tx
    .update(auditLog)
    .set({ detail: sql`jsonb_set(${auditLog.detail}, '{query}', to_jsonb(${REMOVED_FROM_SEARCH}::text))` })
    .where(
      and(
        eq(auditLog.action, "staff.people_searched"),
        or(eq(auditLog.tenantId, tenantId), isNull(auditLog.tenantId)),
        sql`exists (select 1 from unnest(array[${list}]::text[]) as term
          where starts_with(lower(term), ${searched}) or strpos(${searched}, lower(term)) > 0)`,
      ),
    );
}
