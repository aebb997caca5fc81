import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, people } from "@/db/schema";

/** How many choices a filter offers at most: beyond that a select is no help, the search is. */
export const FILTER_CHOICES_LIMIT = 200;

export type PeopleFilterOptions = {
  roles: { id: string; name: string }[];
  departments: string[];
  regions: string[];
};

/**
 * The distinct values of one of the tenant's people columns, in order, by a loose index scan:
 * each step jumps to the next value through the (tenant_id, column) index, so a million
 * people in a dozen departments costs a dozen index probes, not a million-row scan.
 */
async function distinctValues(db: Db, tenantId: string, column: SQL): Promise<string[]> {
  const rows = await db
    .select({ value: sql<string>`found.value` })
    .from(sql`(
      with recursive found(value) as (
        (select ${column} from ${people} where ${people.tenantId} = ${tenantId} and ${column} is not null order by ${column} limit 1)
        union all
        select (select ${column} from ${people} where ${people.tenantId} = ${tenantId} and ${column} > found.value order by ${column} limit 1)
        from found where found.value is not null
      ) select value from found where value is not null limit ${FILTER_CHOICES_LIMIT}
    ) as found`);
  return rows.map((r) => r.value);
}

/** The People page's filter choices: the tenant's roles, and the departments and regions its people have. */
export async function listPeopleFilterOptions(db: Db, tenantId: string): Promise<PeopleFilterOptions> {
  const [roles, departments, regions] = await Promise.all([
    db
      .select({ id: groups.id, name: groups.displayName })
      .from(groups)
      .where(and(eq(groups.tenantId, tenantId), isNull(groups.deletedAt)))
      .orderBy(asc(sql`lower(${groups.displayName})`))
      .limit(FILTER_CHOICES_LIMIT),
    distinctValues(db, tenantId, sql`${people.department}`),
    distinctValues(db, tenantId, sql`${people.region}`),
  ]);
  return { roles, departments, regions };
}
