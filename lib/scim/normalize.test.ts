import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { normalizePatchRequest, normalizeResource } from "./normalize";
import { groupSchemas, userSchemas } from "./schemas/lookup";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from "./schemas/urns";

// Entra's create-user request and its quirks:
// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
const ENTRA_CREATE_USER = {
  schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User"],
  externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
  userName: "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1",
  active: "True",
  emails: [{ primary: "true", type: "work", value: "Test_User_fd0ea19b@testuser.com" }],
  meta: { resourceType: "User" },
  name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
  roles: [],
  [ENTERPRISE_USER_SCHEMA]: { department: null, manager: null, employeeNumber: "701984" },
};

// Okta echoes id and may send a password on create/replace:
// https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20
const OKTA_REPLACE_USER = {
  schemas: [USER_SCHEMA],
  id: "23a35c27-23d3-4c03-b4c5-6443c09e7173",
  userName: "test.user@okta.local",
  name: { givenName: "Test", middleName: null, familyName: "User" },
  emails: [{ primary: true, value: "test.user@okta.local", type: "work" }, null],
  password: "1mz050nq",
  active: true,
  groups: [],
};

describe("normalizeResource", () => {
  const cases: Array<{ name: string; body: Record<string, unknown>; expected: Record<string, unknown> }> = [
    {
      name: 'treats "True" as true for active and emails[].primary when Entra sends booleans as strings',
      body: ENTRA_CREATE_USER,
      expected: {
        schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
        externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        userName: "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1",
        active: true,
        emails: [{ primary: true, type: "work", value: "Test_User_fd0ea19b@testuser.com" }],
        name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
        [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "701984" },
      },
    },
    {
      name: "drops id, password and null values when Okta replaces a user",
      body: OKTA_REPLACE_USER,
      expected: {
        schemas: [USER_SCHEMA],
        userName: "test.user@okta.local",
        name: { givenName: "Test", familyName: "User" },
        emails: [{ primary: true, value: "test.user@okta.local", type: "work" }],
        active: true,
      },
    },
    {
      name: 'treats "False" as false for active in any case',
      body: { userName: "a", active: "FALSE" },
      expected: { userName: "a", active: false },
    },
    {
      name: "keeps a non-boolean string for a boolean attribute so validation can refuse it",
      body: { userName: "a", active: "yes" },
      expected: { userName: "a", active: "yes" },
    },
    {
      name: "rewrites attribute and sub-attribute names in the schema's case",
      body: { UserName: "a", NAME: { GIVENNAME: "Ann" }, Emails: [{ VALUE: "a@x", Primary: "True" }] },
      expected: { userName: "a", name: { givenName: "Ann" }, emails: [{ value: "a@x", primary: true }] },
    },
    {
      name: "keeps extension attributes under the canonical URN key",
      body: { userName: "a", [ENTERPRISE_USER_SCHEMA.toLowerCase()]: { Department: "Sales", MANAGER: { Value: "m1" } } },
      expected: { userName: "a", [ENTERPRISE_USER_SCHEMA]: { department: "Sales", manager: { value: "m1" } } },
    },
    {
      name: "places URN-qualified and dotted keys where they belong",
      body: { userName: "a", "name.givenName": "Ann", [`${ENTERPRISE_USER_SCHEMA}:department`]: "Sales", [`${USER_SCHEMA}:displayName`]: "Ann" },
      expected: { userName: "a", name: { givenName: "Ann" }, [ENTERPRISE_USER_SCHEMA]: { department: "Sales" }, displayName: "Ann" },
    },
    {
      name: "merges a dotted key with the complex attribute it belongs to",
      body: { name: { familyName: "Lee" }, "name.givenName": "Ann" },
      expected: { name: { familyName: "Lee", givenName: "Ann" } },
    },
    {
      name: "drops complex values and arrays left empty by nulls",
      body: { userName: "a", name: { givenName: null }, phoneNumbers: [null], addresses: [] },
      expected: { userName: "a" },
    },
    {
      name: "drops meta and id in any case",
      body: { ID: "x", Meta: { version: 'W/"1"' }, userName: "a" },
      expected: { userName: "a" },
    },
    {
      name: "takes a bare manager id as the manager's value when Entra sends it so",
      body: { userName: "a", [ENTERPRISE_USER_SCHEMA]: { manager: "2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2" } },
      expected: { userName: "a", [ENTERPRISE_USER_SCHEMA]: { manager: { value: "2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2" } } },
    },
    {
      name: "moves the attributes of a core-URN-keyed object to the top level",
      body: { [USER_SCHEMA]: { userName: "a", Active: "true" } },
      expected: { userName: "a", active: true },
    },
    {
      name: "keeps a single object given for a multi-valued attribute so validation can refuse it",
      body: { emails: { value: "a@x", primary: "true" } },
      expected: { emails: { value: "a@x", primary: true } },
    },
    {
      name: "keeps unknown attributes without their nulls for validation to decide",
      body: { userName: "a", shoeSize: { eu: 42, us: null } },
      expected: { userName: "a", shoeSize: { eu: 42 } },
    },
    {
      name: "tolerates an extension URN this resource type does not have",
      body: { schemas: [USER_SCHEMA, "urn:example:custom"], "urn:example:custom": { tier: "gold" } },
      expected: { schemas: [USER_SCHEMA], "urn:example:custom": { tier: "gold" } },
    },
  ];
  it.each(cases)("$name", ({ body, expected }) => {
    expect(normalizeResource(body, userSchemas)).toEqual(expected);
  });

  it("canonicalises group members and drops their nulls", () => {
    const body = { schemas: [GROUP_SCHEMA.toLowerCase()], DisplayName: "Ops", Members: [{ Value: "u1", display: null }] };
    expect(normalizeResource(body, groupSchemas)).toEqual({
      schemas: [GROUP_SCHEMA],
      displayName: "Ops",
      members: [{ value: "u1" }],
    });
  });

  it.each([null, [], "x", 3])("refuses a body that is not a JSON object (%j) with invalidSyntax", (body) => {
    expect(() => normalizeResource(body, userSchemas)).toThrow(expect.objectContaining({ status: 400, scimType: "invalidSyntax" }));
  });
});

describe("normalizePatchRequest", () => {
  // Entra's PATCH shapes: capitalised op names, paths and value arrays, per
  // https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
  const cases = [
    {
      name: "lower-cases the op names Entra capitalises",
      body: { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] },
      expected: [{ op: "replace", path: "active", value: "False" }],
    },
    {
      name: "reads a remove with a value array when Entra removes members",
      body: { schemas: [PATCH_OP], Operations: [{ op: "Remove", path: "members", value: [{ value: "u1" }] }] },
      expected: [{ op: "remove", path: "members", value: [{ value: "u1" }] }],
    },
    {
      name: "reads a replace without path when Okta deactivates a user",
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] },
      expected: [{ op: "replace", value: { active: false } }],
    },
    {
      name: "accepts op names in upper case and keys in any case",
      body: { SCHEMAS: [PATCH_OP.toLowerCase(), "urn:example:extra"], operations: [{ OP: "ADD", Path: "emails", Value: [] }] },
      expected: [{ op: "add", path: "emails", value: [] }],
    },
    {
      name: "passes a null value through so the engine can unassign (RFC 7643 section 2.5)",
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "title", value: null }] },
      expected: [{ op: "replace", path: "title", value: null }],
    },
  ];
  it.each(cases)("$name", ({ body, expected }) => {
    expect(normalizePatchRequest(body).operations).toEqual(expected);
  });

  const refusals = [
    { name: "refuses a body without the PatchOp schema", body: { schemas: [USER_SCHEMA], Operations: [{ op: "add", value: {} }] }, scimType: "invalidSyntax", detail: PATCH_OP },
    { name: "refuses a body without schemas", body: { Operations: [{ op: "add", value: {} }] }, scimType: "invalidSyntax", detail: "schemas" },
    { name: "refuses empty Operations", body: { schemas: [PATCH_OP], Operations: [] }, scimType: "invalidSyntax", detail: "Operations" },
    { name: "refuses an unknown op naming it", body: { schemas: [PATCH_OP], Operations: [{ op: "Move", path: "x" }] }, scimType: "invalidSyntax", detail: '"Move"' },
    { name: "refuses an add without a value", body: { schemas: [PATCH_OP], Operations: [{ op: "add", path: "title" }] }, scimType: "invalidSyntax", detail: "value" },
    { name: "refuses a replace without a value", body: { schemas: [PATCH_OP], Operations: [{ op: "Replace" }] }, scimType: "invalidSyntax", detail: "value" },
    { name: "refuses a remove without a path with noTarget (RFC 7644 section 3.5.2.2)", body: { schemas: [PATCH_OP], Operations: [{ op: "remove" }] }, scimType: "noTarget", detail: "path" },
    { name: "refuses a non-string path", body: { schemas: [PATCH_OP], Operations: [{ op: "remove", path: 3 }] }, scimType: "invalidSyntax", detail: "path" },
    { name: "refuses an operation that is not an object", body: { schemas: [PATCH_OP], Operations: ["add"] }, scimType: "invalidSyntax", detail: "Operations[0]" },
  ];
  it.each(refusals)("$name", ({ body, scimType, detail }) => {
    let error: unknown;
    try {
      normalizePatchRequest(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType });
    expect((error as ScimError).detail).toContain(detail);
  });
});
