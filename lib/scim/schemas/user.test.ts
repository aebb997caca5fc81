import { describe, expect, it } from "vitest";
import { enterpriseUserSchema } from "./enterprise-user";
import { findAttribute, findSubAttribute } from "./lookup";
import type { SchemaDef } from "./types";
import { userSchema } from "./user";

function attribute(schema: SchemaDef, path: string) {
  const [name, sub] = path.split(".");
  const def = findAttribute(schema, name);
  return sub && def ? findSubAttribute(def, sub) : def;
}

describe("User schema (RFC 7643 section 4.1)", () => {
  const cases: Array<{ path: string; expected: Record<string, unknown> }> = [
    { path: "id", expected: { mutability: "readOnly", returned: "always", caseExact: true } },
    { path: "externalId", expected: { caseExact: true, mutability: "readWrite" } },
    { path: "meta", expected: { type: "complex", mutability: "readOnly" } },
    { path: "meta.lastModified", expected: { type: "dateTime" } },
    { path: "userName", expected: { required: true, uniqueness: "server", caseExact: false } },
    { path: "name.formatted", expected: { type: "string" } },
    { path: "name.honorificSuffix", expected: { type: "string" } },
    { path: "displayName", expected: { type: "string" } },
    { path: "nickName", expected: { type: "string" } },
    { path: "profileUrl", expected: { type: "reference", referenceTypes: ["external"] } },
    { path: "title", expected: { type: "string" } },
    { path: "userType", expected: { type: "string" } },
    { path: "preferredLanguage", expected: { type: "string" } },
    { path: "locale", expected: { type: "string" } },
    { path: "timezone", expected: { type: "string" } },
    { path: "active", expected: { type: "boolean" } },
    { path: "password", expected: { mutability: "writeOnly", returned: "never" } },
    { path: "emails", expected: { type: "complex", multiValued: true } },
    { path: "emails.type", expected: { canonicalValues: ["work", "home", "other"] } },
    { path: "emails.primary", expected: { type: "boolean" } },
    { path: "phoneNumbers.type", expected: { canonicalValues: ["work", "home", "mobile", "fax", "pager", "other"] } },
    { path: "ims.type", expected: { canonicalValues: ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"] } },
    { path: "photos.value", expected: { type: "reference", referenceTypes: ["external"] } },
    { path: "photos.type", expected: { canonicalValues: ["photo", "thumbnail"] } },
    { path: "addresses.streetAddress", expected: { type: "string" } },
    { path: "addresses.type", expected: { canonicalValues: ["work", "home", "other"] } },
    { path: "groups", expected: { mutability: "readOnly", multiValued: true } },
    { path: "groups.type", expected: { canonicalValues: ["direct", "indirect"], mutability: "readOnly" } },
    { path: "groups.$ref", expected: { type: "reference", referenceTypes: ["User", "Group"] } },
    { path: "entitlements.value", expected: { type: "string" } },
    { path: "roles.primary", expected: { type: "boolean" } },
    { path: "x509Certificates.value", expected: { type: "binary" } },
  ];
  it.each(cases)("defines $path with its RFC characteristics", ({ path, expected }) => {
    expect(attribute(userSchema, path)).toMatchObject(expected);
  });
});

describe("Enterprise User extension (RFC 7643 section 4.3)", () => {
  const cases: Array<{ path: string; expected: Record<string, unknown> }> = [
    { path: "employeeNumber", expected: { type: "string" } },
    { path: "costCenter", expected: { type: "string" } },
    { path: "organization", expected: { type: "string" } },
    { path: "division", expected: { type: "string" } },
    { path: "department", expected: { type: "string" } },
    { path: "manager", expected: { type: "complex", multiValued: false } },
    { path: "manager.value", expected: { type: "string" } },
    { path: "manager.$ref", expected: { type: "reference", referenceTypes: ["User"] } },
    { path: "manager.displayName", expected: { mutability: "readOnly" } },
  ];
  it.each(cases)("defines $path with its RFC characteristics", ({ path, expected }) => {
    expect(attribute(enterpriseUserSchema, path)).toMatchObject(expected);
  });
});
