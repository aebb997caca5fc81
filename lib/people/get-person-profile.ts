import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, integrations, people } from "@/db/schema";
import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { isUuid } from "@/lib/is-uuid";
import { personStatusOf, type PersonStatus } from "./person-status";

export type ContactValue = { value: string; type: string | null; primary: boolean };

export type PersonProfile = {
  id: string;
  userName: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  externalId: string | null;
  status: PersonStatus;
  region: string | null;
  integration: { id: string; name: string; provider: string } | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  purgedAt: Date | null;
  version: number;
  emails: ContactValue[];
  phoneNumbers: ContactValue[];
  /** Labelled single values shown as they are: title, locale, the enterprise attributes… */
  attributes: { label: string; value: string }[];
  roles: { id: string; name: string }[];
};

/**
 * A person of this tenant with their roles, or null when the id is not one of the tenant's
 * people: another tenant's id is simply not found.
 */
export async function getPersonProfile(db: Db, tenantId: string, personId: string): Promise<PersonProfile | null> {
  if (!isUuid(personId)) return null;
  const [row] = await db
    .select({ person: people, integration: { id: integrations.id, name: integrations.name, provider: integrations.provider } })
    .from(people)
    .leftJoin(integrations, eq(integrations.id, people.integrationId))
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  if (!row) return null;
  const roles = await db
    .select({ id: groups.id, name: groups.displayName })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.personId, personId), isNull(groups.deletedAt)))
    .orderBy(asc(groups.displayName));
  const { person } = row;
  const resource = person.resource ?? {};
  const name = [person.givenName, person.familyName].filter(Boolean).join(" ");
  return {
    id: person.id,
    userName: person.userName,
    displayName: person.displayName || name || person.userName,
    givenName: person.givenName,
    familyName: person.familyName,
    externalId: person.externalId,
    status: personStatusOf(person),
    region: person.region,
    integration: row.integration?.id ? row.integration : null,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
    deletedAt: person.deletedAt,
    purgedAt: person.purgedAt,
    version: person.version,
    emails: contactValues(resource.emails),
    phoneNumbers: contactValues(resource.phoneNumbers),
    attributes: attributesOf(resource),
    roles,
  };
}

function contactValues(raw: unknown): ContactValue[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null && typeof item.value === "string")
    .map((item) => ({ value: item.value as string, type: typeof item.type === "string" ? item.type : null, primary: item.primary === true }));
}

const coreAttributes: [string, string][] = [
  ["title", "Title"],
  ["nickName", "Nickname"],
  ["userType", "User type"],
  ["preferredLanguage", "Preferred language"],
  ["locale", "Locale"],
  ["timezone", "Time zone"],
  ["profileUrl", "Profile URL"],
];

const enterpriseAttributes: [string, string][] = [
  ["employeeNumber", "Employee number"],
  ["department", "Department"],
  ["division", "Division"],
  ["organization", "Organization"],
  ["costCenter", "Cost center"],
];

function text(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function attributesOf(resource: Record<string, unknown>): { label: string; value: string }[] {
  const result: { label: string; value: string }[] = [];
  const add = (label: string, value: unknown) => {
    const shown = text(value);
    if (shown !== null) result.push({ label, value: shown });
  };
  for (const [key, label] of coreAttributes) add(label, resource[key]);
  const enterpriseKey = Object.keys(resource).find((k) => k.toLowerCase() === ENTERPRISE_USER_SCHEMA.toLowerCase());
  const enterprise = (enterpriseKey ? resource[enterpriseKey] : undefined) as Record<string, unknown> | undefined;
  if (enterprise && typeof enterprise === "object") {
    for (const [key, label] of enterpriseAttributes) add(label, enterprise[key]);
    const manager = enterprise.manager as { value?: unknown; displayName?: unknown } | undefined;
    if (manager && typeof manager === "object") add("Manager", text(manager.displayName) ?? manager.value);
  }
  return result;
}
