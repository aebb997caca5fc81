import { describe, expect, it } from "vitest";
import { resourceTypes, schemaDocuments, serviceProviderConfig } from "./discovery";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "./schemas/urns";

const BASE = "https://app.example/api/scim/v2/acme";

describe("serviceProviderConfig", () => {
  const config = serviceProviderConfig({ baseUrl: `${BASE}/`, maxResults: 200, maxPayloadBytes: 1_048_576, maxOperations: 1000, etag: true });
  const cases: Array<{ name: string; key: keyof typeof config; expected: unknown }> = [
    { name: "advertises PATCH", key: "patch", expected: { supported: true } },
    { name: "does not advertise bulk", key: "bulk", expected: { supported: false, maxOperations: 1000, maxPayloadSize: 1_048_576 } },
    { name: "advertises filtering with its maxResults", key: "filter", expected: { supported: true, maxResults: 200 } },
    { name: "does not advertise changePassword", key: "changePassword", expected: { supported: false } },
    { name: "advertises sorting", key: "sort", expected: { supported: true } },
    { name: "advertises ETags", key: "etag", expected: { supported: true } },
    { name: "locates itself under the base URL", key: "meta", expected: { resourceType: "ServiceProviderConfig", location: `${BASE}/ServiceProviderConfig` } },
  ];
  it.each(cases)("$name", ({ key, expected }) => {
    expect(config[key]).toEqual(expected);
  });

  it("offers bearer tokens first and HTTP Basic for Okta's app key and secret", () => {
    expect(config.authenticationSchemes.map((s) => s.type)).toEqual(["oauthbearertoken", "httpbasic"]);
    expect(config.authenticationSchemes[0]).toMatchObject({ primary: true });
  });
});

describe("resourceTypes", () => {
  it("lists User with the enterprise extension and Group when groups are enabled", () => {
    expect(resourceTypes({ baseUrl: BASE, groupsEnabled: true })).toEqual([
      {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        id: "User",
        name: "User",
        endpoint: "/Users",
        description: "User Account",
        schema: USER_SCHEMA,
        schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
        meta: { resourceType: "ResourceType", location: `${BASE}/ResourceTypes/User` },
      },
      {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        id: "Group",
        name: "Group",
        endpoint: "/Groups",
        description: "Group",
        schema: GROUP_SCHEMA,
        meta: { resourceType: "ResourceType", location: `${BASE}/ResourceTypes/Group` },
      },
    ]);
  });

  it("omits Group when the integration does not take groups", () => {
    expect(resourceTypes({ baseUrl: BASE, groupsEnabled: false }).map((t) => t.id)).toEqual(["User"]);
  });
});

describe("schemaDocuments", () => {
  const documents = schemaDocuments({ baseUrl: BASE, groupsEnabled: true });

  it("serves the User, Enterprise User and Group schemas with their locations", () => {
    expect(documents.map((d) => [d.id, d.meta])).toEqual([
      [USER_SCHEMA, { resourceType: "Schema", location: `${BASE}/Schemas/${USER_SCHEMA}` }],
      [ENTERPRISE_USER_SCHEMA, { resourceType: "Schema", location: `${BASE}/Schemas/${ENTERPRISE_USER_SCHEMA}` }],
      [GROUP_SCHEMA, { resourceType: "Schema", location: `${BASE}/Schemas/${GROUP_SCHEMA}` }],
    ]);
  });

  it("omits Group when the integration does not take groups", () => {
    expect(schemaDocuments({ baseUrl: BASE, groupsEnabled: false }).map((d) => d.id)).toEqual([USER_SCHEMA, ENTERPRISE_USER_SCHEMA]);
  });

  it("leaves the common attributes out as RFC 7643 section 8.7.1 does", () => {
    const names = documents[0].attributes.map((a) => a.name);
    expect(names).not.toContain("id");
    expect(names).not.toContain("meta");
    expect(names.slice(0, 3)).toEqual(["userName", "name", "displayName"]);
  });

  it("describes password as writeOnly and never returned", () => {
    expect(documents[0].attributes.find((a) => a.name === "password")).toMatchObject({ mutability: "writeOnly", returned: "never" });
  });
});
