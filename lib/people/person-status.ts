import { sql } from "drizzle-orm";
import { people } from "@/db/schema";

/** How the console shows a person: active, inactive (deactivated, kept) or deleted (retained). */
export const personStatuses = ["active", "inactive", "deleted"] as const;
export type PersonStatus = (typeof personStatuses)[number];

export function personStatusOf(person: { active: boolean; deletedAt: Date | null; purgedAt: Date | null }): PersonStatus {
  if (person.deletedAt || person.purgedAt) return "deleted";
  return person.active ? "active" : "inactive";
}

/** The same rule in SQL, for filtering and sorting by status. */
export const personStatusSql = sql<PersonStatus>`case
  when ${people.deletedAt} is not null or ${people.purgedAt} is not null then 'deleted'
  when ${people.active} then 'active'
  else 'inactive' end`;

/** The name the console shows: displayName, else given and family name, else userName. */
export function personNameOf(person: { displayName: string | null; givenName: string | null; familyName: string | null; userName: string }): string {
  return person.displayName || [person.givenName, person.familyName].filter(Boolean).join(" ") || person.userName;
}

/** The same rule in SQL, for searching and sorting by name. */
export const personNameSql = sql<string>`coalesce(
  nullif(${people.displayName}, ''),
  nullif(trim(concat_ws(' ', ${people.givenName}, ${people.familyName})), ''),
  ${people.userName})`;
