import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, integrations, people } from "@/db/schema";
import { isUuid } from "@/lib/is-uuid";
import type { ScimResource } from "@/db/schema";
import { findPeopleByReference, type PersonReference } from "./find-people-by-reference";
import { profileAttributes, type ContactValue, type Labelled } from "./internal/profile-attributes";
import { personStatusOf, type PersonStatus } from "./person-status";

export type { ContactValue, Labelled };

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
  addresses: ContactValue[];
  /** Labelled single values shown as they are: title, locale, the enterprise attributes… */
  attributes: Labelled[];
  /** The manager the identity provider names: the person, when they are one of this tenant's, else the reference as sent. */
  manager: { reference: string; display: string | null; person: PersonReference | null } | null;
  /** Attributes with no place of their own (ims, entitlements, unknown extensions), readable. */
  otherAttributes: Labelled[];
  /** The SCIM resource as stored, for support. */
  resource: ScimResource;
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
  const shown = profileAttributes(resource);
  const managers = shown.manager ? await findPeopleByReference(db, tenantId, [shown.manager.reference]) : new Map<string, PersonReference>();
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
    emails: shown.emails,
    phoneNumbers: shown.phoneNumbers,
    addresses: shown.addresses,
    attributes: shown.work,
    manager: shown.manager ? { ...shown.manager, person: managers.get(shown.manager.reference) ?? null } : null,
    otherAttributes: shown.other,
    resource,
    roles,
  };
}
