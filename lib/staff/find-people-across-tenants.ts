import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { integrations, people, tenants } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { personNameSql, personStatusSql, type PersonStatus } from "@/lib/people/person-status";
import { assertStaff } from "./internal/assert-staff";
import { recordPeopleSearch } from "./internal/record-people-search";
import type { RequestOrigin, StaffMember } from "./staff-actor";

/** At most this many people are shown; past it, staff type more of the address. */
export const PEOPLE_SEARCH_LIMIT = 50;

export const findPeopleInput = z.object({
  query: z
    .string({ error: "Enter an email address or userName" })
    .trim()
    .min(3, "Enter at least 3 characters of the email address or userName")
    .max(254, "Use at most 254 characters"),
});
export type FindPeopleInput = z.input<typeof findPeopleInput>;

export type PersonAcrossTenants = {
  id: string;
  tenant: { id: string; slug: string; name: string };
  integrationName: string | null;
  name: string;
  userName: string;
  primaryEmail: string | null;
  status: PersonStatus;
};

/** `value%` for LIKE, the value lowercased and its `%`, `_` and `\` matching themselves. */
function prefixPattern(value: string): string {
  return `${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * "Which tenant is this user in": people of every tenant whose primary email or userName is,
 * or starts with, what staff typed, case-insensitively; exact matches first, at most
 * PEOPLE_SEARCH_LIMIT. Purged people have nothing left to match. Every search is audited,
 * found or not (see recordPeopleSearch).
 */
export async function findPeopleAcrossTenants(
  db: Db,
  staff: StaffMember,
  raw: FindPeopleInput,
  origin: RequestOrigin = {},
): Promise<{ rows: PersonAcrossTenants[]; more: boolean }> {
  assertStaff(staff, "search people across tenants");
  const parsed = findPeopleInput.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_input", parsed.error.issues[0].message, "query");
  const { query } = parsed.data;
  const exact = query.toLowerCase();
  const pattern = prefixPattern(query);
  const email = sql`lower(${people.primaryEmail})`;
  const userName = sql`lower(${people.userName})`;
  const found = await db
    .select({
      id: people.id,
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name },
      integrationName: integrations.name,
      name: personNameSql,
      userName: people.userName,
      primaryEmail: people.primaryEmail,
      status: personStatusSql,
    })
    .from(people)
    .innerJoin(tenants, eq(tenants.id, people.tenantId))
    .leftJoin(integrations, eq(integrations.id, people.integrationId))
    .where(and(isNull(people.purgedAt), or(sql`${email} like ${pattern}`, sql`${userName} like ${pattern}`)))
    .orderBy(
      asc(sql`case when ${email} = ${exact} or ${userName} = ${exact} then 0 else 1 end`),
      asc(userName),
      asc(people.id),
    )
    .limit(PEOPLE_SEARCH_LIMIT + 1);
  const rows = found.slice(0, PEOPLE_SEARCH_LIMIT);
  await recordPeopleSearch(db, staff, origin, { query, rows, more: found.length > PEOPLE_SEARCH_LIMIT });
  return { rows, more: found.length > PEOPLE_SEARCH_LIMIT };
}
