import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
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

type Matched = PersonAcrossTenants;

/** The first people, in `key` order, whose `key` starts with the pattern; purged ones never. */
function firstMatches(db: Db, key: SQL, pattern: string): Promise<Matched[]> {
  return db
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
    .where(and(isNull(people.purgedAt), sql`${key} like ${pattern}`))
    .orderBy(key, asc(people.id))
    .limit(PEOPLE_SEARCH_LIMIT + 1);
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
  const pattern = prefixPattern(query);
  // Each column read in its index's order, as far as the limit: the exact value, when there
  // is one, sorts first among the values it starts.
  const [byEmail, byUserName] = await Promise.all([
    firstMatches(db, sql`(lower(${people.primaryEmail}) collate "C")`, pattern),
    firstMatches(db, sql`(lower(${people.userName}) collate "C")`, pattern),
  ]);
  const exact = query.toLowerCase();
  const isExact = (p: Matched) => (p.primaryEmail?.toLowerCase() === exact || p.userName.toLowerCase() === exact ? 0 : 1);
  const byName = (a: Matched, b: Matched) => (a.userName.toLowerCase() < b.userName.toLowerCase() ? -1 : a.userName.toLowerCase() > b.userName.toLowerCase() ? 1 : 0);
  const found = [...new Map([...byEmail, ...byUserName].map((p) => [p.id, p])).values()].sort(
    (a, b) => isExact(a) - isExact(b) || byName(a, b),
  );
  const more = found.length > PEOPLE_SEARCH_LIMIT || byEmail.length > PEOPLE_SEARCH_LIMIT || byUserName.length > PEOPLE_SEARCH_LIMIT;
  const rows = found.slice(0, PEOPLE_SEARCH_LIMIT);
  await recordPeopleSearch(db, staff, origin, { query, rows, more });
  return { rows, more };
}
