import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";
import { personNameSql } from "./person-status";

export type PersonReference = { id: string; name: string };

/**
 * The tenant's people that references (a manager's `value`) point at, by reference. Entra
 * sends the manager's id in this app when it knows it, and otherwise other clients send
 * their own id, which we keep as externalId: both are tried. Purged people are not named.
 * A reference matching nobody is absent from the map, so the caller shows it as it is.
 */
export async function findPeopleByReference(db: Db, tenantId: string, references: readonly string[]): Promise<Map<string, PersonReference>> {
  const wanted = [...new Set(references.filter((r) => r.trim() !== ""))];
  const found = new Map<string, PersonReference>();
  if (wanted.length === 0) return found;
  const ids = wanted.filter(isUuid);
  const rows = await db
    .select({ id: people.id, externalId: people.externalId, name: personNameSql })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        isNull(people.purgedAt),
        or(ids.length ? inArray(people.id, ids) : undefined, inArray(people.externalId, wanted)),
      ),
    );
  // An id match wins over an externalId that happens to equal another person's id.
  for (const row of rows) if (row.externalId && wanted.includes(row.externalId)) found.set(row.externalId, { id: row.id, name: row.name });
  for (const row of rows) if (wanted.includes(row.id)) found.set(row.id, { id: row.id, name: row.name });
  return found;
}
