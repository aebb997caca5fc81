import type { FieldChange, Person } from "@/db/schema";

/** Paths of a person's History whose values identify them (the rest, e.g. a title, do not). */
const IDENTIFYING_PATH = /^(userName|externalId|displayName|nickName|name(\..*)?|emails.*|phoneNumbers.*)$/i;
/** Shorter values ("Al", "Li") would scrub other people's log entries by accident. */
const MIN_TERM_LENGTH = 3;

/** Of a complex value, the parts that name: an email's `value`, not its `type` ("work"). */
const NAMING_KEYS = new Set(["value", "formatted", "givenname", "familyname", "middlename", "display", "displayname"]);

function strings(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => strings(item, into));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) if (NAMING_KEYS.has(key.toLowerCase())) strings(item, into);
  }
}

/**
 * Everything that names a person, now or in their History (a userName changed last month
 * is still in last month's request log): what a purge searches the request log and the
 * groups' History for.
 */
export function personalTerms(person: Person, history: FieldChange[][]): string[] {
  const found: string[] = [];
  const resource = person.resource ?? {};
  strings([person.userName, person.externalId, person.displayName, person.givenName, person.familyName, person.primaryEmail], found);
  strings([resource.name, resource.emails, resource.phoneNumbers, resource.nickName], found);
  for (const changes of history) {
    for (const change of changes) {
      if (IDENTIFYING_PATH.test(change.path)) strings([change.before, change.after], found);
    }
  }
  const unique = new Map<string, string>();
  for (const term of found) {
    const trimmed = term.trim();
    if (trimmed.length >= MIN_TERM_LENGTH) unique.set(trimmed.toLowerCase(), trimmed);
  }
  return [...unique.values()];
}
