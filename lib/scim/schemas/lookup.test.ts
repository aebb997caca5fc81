import { describe, expect, it } from "vitest";
import {
  canonicalPath,
  extensionKey,
  findSchema,
  groupSchemas,
  parseAttributeReference,
  resolveAttribute,
  userSchemas,
} from "./lookup";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "./urns";

describe("resolveAttribute", () => {
  const cases = [
    { name: "resolves a core attribute by its exact name", path: { attr: "userName" }, schemaId: USER_SCHEMA, def: "userName" },
    { name: "resolves names case-insensitively as RFC 7643 2.1 requires", path: { attr: "USERNAME" }, schemaId: USER_SCHEMA, def: "userName" },
    { name: "resolves a sub-attribute of a complex attribute", path: { attr: "name", sub: "GivenName" }, schemaId: USER_SCHEMA, def: "name", sub: "givenName" },
    { name: "resolves a sub-attribute of a multi-valued attribute", path: { attr: "emails", sub: "primary" }, schemaId: USER_SCHEMA, def: "emails", sub: "primary" },
    { name: "resolves the common attribute id", path: { attr: "id" }, schemaId: USER_SCHEMA, def: "id" },
    { name: "resolves meta.lastModified for filters", path: { attr: "meta", sub: "lastModified" }, schemaId: USER_SCHEMA, def: "meta", sub: "lastModified" },
    { name: "resolves a URN-qualified extension attribute", path: { urn: ENTERPRISE_USER_SCHEMA, attr: "department" }, schemaId: ENTERPRISE_USER_SCHEMA, def: "department" },
    { name: "resolves a URN written in another case", path: { urn: ENTERPRISE_USER_SCHEMA.toUpperCase(), attr: "manager", sub: "value" }, schemaId: ENTERPRISE_USER_SCHEMA, def: "manager", sub: "value" },
    { name: "resolves a bare extension attribute after searching the core schema", path: { attr: "employeeNumber" }, schemaId: ENTERPRISE_USER_SCHEMA, def: "employeeNumber" },
    { name: "resolves a core attribute qualified with the core URN", path: { urn: USER_SCHEMA, attr: "displayName" }, schemaId: USER_SCHEMA, def: "displayName" },
    { name: "resolves $ref of group members", path: { attr: "members", sub: "$ref" }, schemaId: GROUP_SCHEMA, def: "members", sub: "$ref", schemas: groupSchemas },
  ];
  it.each(cases)("$name", ({ path, schemaId, def, sub, schemas }) => {
    const resolved = resolveAttribute(schemas ?? userSchemas, path);
    expect(resolved?.schemaId).toBe(schemaId);
    expect(resolved?.def.name).toBe(def);
    expect(resolved?.subDef?.name).toBe(sub);
  });

  const misses = [
    { name: "returns undefined for an unknown attribute", path: { attr: "shoeSize" } },
    { name: "returns undefined for an unknown sub-attribute", path: { attr: "name", sub: "nickname" } },
    { name: "returns undefined for a sub-attribute of a simple attribute", path: { attr: "userName", sub: "value" } },
    { name: "returns undefined for an unknown schema URN", path: { urn: "urn:example:Other", attr: "department" } },
    { name: "returns undefined for a core attribute qualified with the extension URN", path: { urn: ENTERPRISE_USER_SCHEMA, attr: "userName" } },
  ];
  it.each(misses)("$name", ({ path }) => {
    expect(resolveAttribute(userSchemas, path)).toBeUndefined();
  });
});

describe("canonicalPath", () => {
  const cases = [
    { name: "writes a core attribute bare", path: { attr: "ACTIVE" }, expected: "active" },
    { name: "writes a sub-attribute dotted in schema case", path: { attr: "name", sub: "familyname" }, expected: "name.familyName" },
    { name: "writes an extension attribute URN-qualified", path: { attr: "department" }, expected: `${ENTERPRISE_USER_SCHEMA}:department` },
    { name: "writes an extension sub-attribute URN-qualified and dotted", path: { attr: "manager", sub: "VALUE" }, expected: `${ENTERPRISE_USER_SCHEMA}:manager.value` },
  ];
  it.each(cases)("$name", ({ path, expected }) => {
    expect(canonicalPath(userSchemas, resolveAttribute(userSchemas, path)!)).toBe(expected);
  });
});

describe("schema helpers", () => {
  it("finds a schema by URN case-insensitively", () => {
    expect(findSchema(userSchemas, ENTERPRISE_USER_SCHEMA.toLowerCase())?.name).toBe("EnterpriseUser");
  });
  it("keys extension attributes under the extension URN and core ones at the top", () => {
    expect(extensionKey(userSchemas, ENTERPRISE_USER_SCHEMA.toLowerCase())).toBe(ENTERPRISE_USER_SCHEMA);
    expect(extensionKey(userSchemas, USER_SCHEMA)).toBeUndefined();
  });
});

describe("parseAttributeReference", () => {
  const cases = [
    { text: "userName", expected: { attr: "userName" } },
    { text: "name.givenName", expected: { attr: "name", sub: "givenName" } },
    { text: `${ENTERPRISE_USER_SCHEMA}:department`, expected: { urn: ENTERPRISE_USER_SCHEMA, attr: "department" } },
    { text: `${ENTERPRISE_USER_SCHEMA}:manager.value`, expected: { urn: ENTERPRISE_USER_SCHEMA, attr: "manager", sub: "value" } },
    { text: ENTERPRISE_USER_SCHEMA.toLowerCase(), expected: { urn: ENTERPRISE_USER_SCHEMA } },
    { text: `${USER_SCHEMA}:emails.value`, expected: { urn: USER_SCHEMA, attr: "emails", sub: "value" } },
    { text: "urn:example:params:2.0:Other:thing", expected: { urn: "urn:example:params:2.0:Other", attr: "thing" } },
  ];
  it.each(cases)("splits $text without breaking the URN at its dots", ({ text, expected }) => {
    expect(parseAttributeReference(text, userSchemas)).toEqual(expected);
  });
});
