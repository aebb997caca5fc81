import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { readableAddress, readableValue } from "@/lib/scim/readable-value";

export type ContactValue = { value: string; type: string | null; primary: boolean };
export type Labelled = { label: string; value: string };

/** Everything of a stored SCIM user the Profile shows, each value readable (no raw JSON). */
export type ProfileAttributes = {
  emails: ContactValue[];
  phoneNumbers: ContactValue[];
  addresses: ContactValue[];
  /** Title, locale, the enterprise attributes… */
  work: Labelled[];
  /** The enterprise manager's reference (an id or externalId) and the display the client sent. */
  manager: { reference: string; display: string | null } | null;
  /** Attributes this console has no place for (ims, entitlements, any extension), as key and value. */
  other: Labelled[];
};

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

/** Shown elsewhere on the page (identity, provisioning) or never shown (password, meta). */
const shownElsewhere = new Set(
  ["schemas", "id", "meta", "externalId", "userName", "name", "displayName", "active", "emails", "phoneNumbers", "addresses", "groups", "password", ...coreAttributes.map(([k]) => k)].map((k) =>
    k.toLowerCase(),
  ),
);

function text(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function records(raw: unknown): Record<string, unknown>[] {
  return Array.isArray(raw) ? raw.filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null && !Array.isArray(item)) : [];
}

function tagged(item: Record<string, unknown>, value: string): ContactValue {
  return { value, type: typeof item.type === "string" ? item.type : null, primary: item.primary === true };
}

function contactValues(raw: unknown): ContactValue[] {
  return records(raw).flatMap((item) => (typeof item.value === "string" ? [tagged(item, item.value)] : []));
}

function addresses(raw: unknown): ContactValue[] {
  return records(raw).flatMap((item) => {
    const address = readableAddress(item);
    return address ? [tagged(item, address)] : [];
  });
}

/** An extension's URN shortened to its last segment for a label: `…:enterprise:2.0:User` → `enterprise`. */
function extensionLabel(urn: string): string {
  if (urn.toLowerCase() === ENTERPRISE_USER_SCHEMA.toLowerCase()) return "enterprise";
  const parts = urn.split(":");
  return parts.length > 2 ? parts.slice(-3).join(":") : urn;
}

function managerOf(raw: unknown): ProfileAttributes["manager"] {
  if (typeof raw === "string") return raw.trim() ? { reference: raw, display: null } : null;
  if (!raw || typeof raw !== "object") return null;
  const { value, displayName } = raw as { value?: unknown; displayName?: unknown };
  return typeof value === "string" && value.trim() ? { reference: value, display: text(displayName) } : null;
}

/** A stored SCIM user as the Profile's sections: contacts, work, manager and the rest. */
export function profileAttributes(resource: Record<string, unknown>): ProfileAttributes {
  const work: Labelled[] = [];
  const other: Labelled[] = [];
  let manager: ProfileAttributes["manager"] = null;
  for (const [key, label] of coreAttributes) {
    const shown = text(resource[key]);
    if (shown !== null) work.push({ label, value: shown });
  }
  for (const [key, value] of Object.entries(resource)) {
    if (shownElsewhere.has(key.toLowerCase()) || value === null || value === undefined) continue;
    if (!key.startsWith("urn:")) {
      other.push({ label: key, value: readableValue(value) });
      continue;
    }
    if (typeof value !== "object" || Array.isArray(value)) continue;
    const extension = value as Record<string, unknown>;
    const isEnterprise = key.toLowerCase() === ENTERPRISE_USER_SCHEMA.toLowerCase();
    for (const [attribute, attributeValue] of Object.entries(extension)) {
      if (attributeValue === null || attributeValue === undefined) continue;
      if (isEnterprise && enterpriseAttributes.some(([k]) => k.toLowerCase() === attribute.toLowerCase())) continue;
      if (isEnterprise && attribute.toLowerCase() === "manager") {
        manager = managerOf(attributeValue);
      } else {
        other.push({ label: `${extensionLabel(key)}.${attribute}`, value: readableValue(attributeValue) });
      }
    }
  }
  const enterprise = Object.entries(resource).find(([key]) => key.toLowerCase() === ENTERPRISE_USER_SCHEMA.toLowerCase())?.[1];
  if (enterprise && typeof enterprise === "object") {
    const values = Object.fromEntries(Object.entries(enterprise).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [key, label] of enterpriseAttributes) {
      const value = values[key.toLowerCase()];
      if (value !== null && value !== undefined) work.push({ label, value: text(value) ?? readableValue(value) });
    }
  }
  return { emails: contactValues(resource.emails), phoneNumbers: contactValues(resource.phoneNumbers), addresses: addresses(resource.addresses), work, manager, other };
}
