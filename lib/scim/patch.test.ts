import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import {
  entraGroupAddMembers,
  entraGroupRemoveMemberByFilter,
  entraGroupRemoveMembers,
  entraGroupReplaceDisplayName,
  entraPatchAddManager,
  entraPatchAddNickName,
  entraPatchDeactivate,
  entraPatchDeactivateCompliant,
  entraPatchDisable,
  entraPatchReplaceDotted,
  entraPatchReplaceMany,
  entraPatchReplaceMultiValued,
  entraPatchReplaceUserName,
} from "./fixtures/entra";
import { oktaGroupId, oktaGroupPatchMembers, oktaGroupPatchReplaceMembers, oktaGroupRenameWithId, oktaPatchDeactivate } from "./fixtures/okta";
import { normalizePatchRequest } from "./normalize";
import { type PatchOperation, applyPatch } from "./patch";
import { groupSchemas, userSchemas } from "./schemas/lookup";
import type { ResourceSchemas } from "./schemas/types";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "./schemas/urns";

const ENTERPRISE = ENTERPRISE_USER_SCHEMA;
const patchOp = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

/** Entra's "Get User" response (use-scim-to-provision-users-and-groups), as stored. */
const user = {
  schemas: [USER_SCHEMA],
  id: "5171a35d82074e068ce2",
  externalId: "58342554-38d6-4ec8-948c-50044d0a33fd",
  meta: { resourceType: "User", created: "2018-03-27T19:59:26.000Z", lastModified: "2018-03-27T19:59:26.000Z" },
  userName: "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
  name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
  active: true,
  emails: [{ value: "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com", type: "work", primary: true }],
};
const workEmail = user.emails[0];
const withoutName = Object.fromEntries(Object.entries(user).filter(([key]) => key !== "name"));
const homeEmail = { value: "home@example.com", type: "home" };
const withEnterprise = { ...user, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { department: "Sales", employeeNumber: "42" } };

/** Okta's "Retrieve specific Groups" response, as stored (members live in their own table). */
const group = { schemas: [GROUP_SCHEMA], id: oktaGroupId, displayName: "Test SCIMv2", meta: { resourceType: "Group" } };
const groupWithMembers = { ...group, members: [{ value: "u1", display: "One" }] };

type Case = {
  name: string;
  resource: Record<string, unknown>;
  body: unknown;
  schemas?: ResourceSchemas;
  external?: string[];
  expected: Record<string, unknown>;
  externalOps?: PatchOperation[];
};

const applies: Case[] = [
  // Microsoft Entra ID
  {
    name: 'deactivates when Entra sends Replace active "False" as a string (Entra compatibility page, without aadOptscim062020)',
    resource: user,
    body: entraPatchDeactivate,
    expected: { ...user, active: false },
  },
  {
    name: "deactivates when Entra sends Replace active false (Entra, Disable User)",
    resource: user,
    body: entraPatchDisable,
    expected: { ...user, active: false },
  },
  {
    name: "deactivates with Entra's compliant lower-case replace (Entra compatibility page, with aadOptscim062020)",
    resource: user,
    body: entraPatchDeactivateCompliant,
    expected: { ...user, active: false },
  },
  {
    name: "replaces the work email's value and the family name (Entra, Update User [Multi-valued properties])",
    resource: user,
    body: entraPatchReplaceMultiValued,
    expected: {
      ...user,
      name: { ...user.name, familyName: "updatedFamilyName" },
      emails: [{ ...workEmail, value: "updatedEmail@microsoft.com" }],
    },
  },
  {
    name: "replaces userName (Entra, Update User [Single-valued properties])",
    resource: user,
    body: entraPatchReplaceUserName,
    expected: { ...user, userName: "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com" },
  },
  {
    name: "adds a single-valued string (Entra compatibility page, add nickName)",
    resource: user,
    body: entraPatchAddNickName,
    expected: { ...user, nickName: "Babs" },
  },
  {
    name: "applies one path per attribute and creates the enterprise extension (Entra compatibility page, replace multiple without the flag)",
    resource: user,
    body: entraPatchReplaceMany,
    expected: {
      ...user,
      schemas: [USER_SCHEMA, ENTERPRISE],
      displayName: "Pvlo",
      emails: [{ ...workEmail, value: "TestBcwqnm@test.microsoft.com" }],
      name: { ...user.name, givenName: "Gtfd", familyName: "Pkqf" },
      externalId: "Eqpj",
      [ENTERPRISE]: { employeeNumber: "Eqpj" },
    },
  },
  {
    name: "resolves plain, dotted and URN keys of a path-less replace, the URN's 2.0 being no separator (Entra compatibility page, with the flag)",
    resource: withEnterprise,
    body: entraPatchReplaceDotted,
    expected: {
      ...withEnterprise,
      emails: [{ ...workEmail, value: "TestMhvaes@test.microsoft.com" }],
      displayName: "Bjfe",
      name: { ...user.name, givenName: "Kkom", familyName: "Unua" },
      [ENTERPRISE]: { department: "Sales", employeeNumber: "Aklq" },
    },
  },
  {
    name: "creates the work email when Entra replaces emails[type eq \"work\"].value on a user without one (Entra, Update User [Multi-valued properties])",
    resource: { ...user, emails: [homeEmail] },
    body: entraPatchReplaceMultiValued,
    expected: {
      ...user,
      name: { ...user.name, familyName: "updatedFamilyName" },
      emails: [homeEmail, { type: "work", value: "updatedEmail@microsoft.com" }],
    },
  },
  {
    name: "creates the mobile number from the filter's eq clauses when Entra adds phoneNumbers[type eq \"mobile\"].value",
    resource: user,
    body: patchOp({ op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" }),
    expected: { ...user, phoneNumbers: [{ type: "mobile", value: "+1 555 0100" }] },
  },
  {
    name: "sets the sub-attribute on every matching value when add has a filtered path (RFC 7644 3.5.2.1)",
    resource: { ...user, phoneNumbers: [{ type: "mobile", value: "old" }, { type: "work", value: "desk" }] },
    body: patchOp({ op: "add", path: 'phoneNumbers[type eq "mobile"].value', value: "new" }),
    expected: { ...user, phoneNumbers: [{ type: "mobile", value: "new" }, { type: "work", value: "desk" }] },
  },
  {
    name: "stores a manager sent as a bare id as {value} (Entra, SCIM-SDK issue 686)",
    resource: user,
    body: entraPatchAddManager,
    expected: {
      ...user,
      schemas: [USER_SCHEMA, ENTERPRISE],
      [ENTERPRISE]: { manager: { value: "2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2" } },
    },
  },
  {
    name: "keeps a manager object given for the urn:...:User:manager path (RFC 7643 4.3)",
    resource: withEnterprise,
    body: patchOp({ op: "replace", path: `${ENTERPRISE}:manager`, value: { value: "m-1" } }),
    expected: { ...withEnterprise, [ENTERPRISE]: { department: "Sales", employeeNumber: "42", manager: { value: "m-1" } } },
  },
  {
    name: "ignores the read-only manager.displayName inside a value, as a POST does (RFC 7643 4.3, RFC 7644 3.3)",
    resource: withEnterprise,
    body: patchOp({ op: "add", path: `${ENTERPRISE}:manager`, value: { value: "m", displayName: "Boss" } }),
    expected: { ...withEnterprise, [ENTERPRISE]: { department: "Sales", employeeNumber: "42", manager: { value: "m" } } },
  },
  {
    name: "ignores a nested schemas list in a value for the extension URN path, as a PUT does",
    resource: withEnterprise,
    body: patchOp({ op: "replace", path: ENTERPRISE, value: { schemas: [ENTERPRISE], department: "R&D" } }),
    expected: { ...withEnterprise, [ENTERPRISE]: { department: "R&D", employeeNumber: "42" } },
  },
  {
    name: "replaces the department through its URN-qualified path (Entra compatibility page)",
    resource: withEnterprise,
    body: patchOp({ op: "Replace", path: `${ENTERPRISE}:department`, value: "R&D" }),
    expected: { ...withEnterprise, [ENTERPRISE]: { department: "R&D", employeeNumber: "42" } },
  },
  {
    name: "sets the attributes of an extension object given whole under its URN key, leaving the others (RFC 7644 3.5.2.3)",
    resource: withEnterprise,
    body: patchOp({ op: "replace", value: { [ENTERPRISE]: { department: "R&D", manager: "m-2" } } }),
    expected: { ...withEnterprise, [ENTERPRISE]: { department: "R&D", employeeNumber: "42", manager: { value: "m-2" } } },
  },
  {
    name: "renames a group (Entra, Update Group [Non-member attributes])",
    resource: group,
    body: entraGroupReplaceDisplayName,
    schemas: groupSchemas,
    expected: { ...group, displayName: "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName" },
  },
  // Okta
  {
    name: "deactivates with Okta's path-less replace (Okta, Update a specific User (PATCH))",
    resource: user,
    body: oktaPatchDeactivate,
    expected: { ...user, active: false },
  },
  {
    name: "accepts and ignores the group's own read-only id in Okta's rename (Okta, Update a specific Group name)",
    resource: { ...group, displayName: "Old name" },
    body: oktaGroupRenameWithId,
    schemas: groupSchemas,
    expected: group,
  },
  // RFC 7644 section 3.5.2.1, add
  {
    name: "merges the keys of a path-less add (RFC 7644 3.5.2.1)",
    resource: user,
    body: patchOp({ op: "add", value: { nickName: "Babs", title: "Boss" } }),
    expected: { ...user, nickName: "Babs", title: "Boss" },
  },
  {
    name: "appends to a multi-valued attribute only the values not already present (RFC 7644 3.5.2.1)",
    resource: user,
    body: patchOp({ op: "add", path: "emails", value: [{ ...workEmail }, homeEmail, { ...homeEmail }] }),
    expected: { ...user, emails: [workEmail, homeEmail] },
  },
  {
    name: "replaces a single-valued attribute on add (RFC 7644 3.5.2.1)",
    resource: user,
    body: patchOp({ op: "add", path: "userName", value: "renamed" }),
    expected: { ...user, userName: "renamed" },
  },
  {
    name: "merges the sub-attributes of a complex add (RFC 7644 3.5.2.1)",
    resource: user,
    body: patchOp({ op: "add", path: "name", value: { middleName: "Q" } }),
    expected: { ...user, name: { ...user.name, middleName: "Q" } },
  },
  {
    name: "turns the other primary email off when an added one is primary (RFC 7644 3.5.2)",
    resource: user,
    body: patchOp({ op: "add", path: "emails", value: [{ ...homeEmail, primary: true }] }),
    expected: { ...user, emails: [{ ...workEmail, primary: false }, { ...homeEmail, primary: true }] },
  },
  // RFC 7644 section 3.5.2.3, replace
  {
    name: "replaces a whole multi-valued attribute with the array given (RFC 7644 3.5.2.3)",
    resource: user,
    body: patchOp({ op: "replace", path: "emails", value: [homeEmail] }),
    expected: { ...user, emails: [homeEmail] },
  },
  {
    name: "sets a missing attribute on replace (RFC 7644 3.5.2.3)",
    resource: user,
    body: patchOp({ op: "replace", path: "title", value: "Engineer" }),
    expected: { ...user, title: "Engineer" },
  },
  {
    name: "removes the attribute when replace carries null (RFC 7643 2.5)",
    resource: { ...user, title: "Engineer" },
    body: patchOp({ op: "replace", path: "title", value: null }),
    expected: user,
  },
  {
    name: "matches attribute names and stored keys case-insensitively (RFC 7643 2.1)",
    resource: { ...withoutName, Name: { GivenName: "old", familyName: "familyName" } },
    body: patchOp({ op: "replace", path: "NAME.GIVENNAME", value: "new" }),
    expected: { ...withoutName, name: { givenName: "new", familyName: "familyName" } },
  },
  // RFC 7644 section 3.5.2.2, remove
  {
    name: "removes a sub-attribute (RFC 7644 3.5.2.2)",
    resource: user,
    body: patchOp({ op: "remove", path: "name.givenName" }),
    expected: { ...user, name: { formatted: "givenName familyName", familyName: "familyName" } },
  },
  {
    name: "removes the values a filter selects (RFC 7644 3.5.2.2)",
    resource: { ...user, emails: [workEmail, homeEmail] },
    body: patchOp({ op: "remove", path: 'emails[type eq "work"]' }),
    expected: { ...user, emails: [homeEmail] },
  },
  {
    name: "removes only the listed values when Entra sends Remove with a value array on a user attribute",
    resource: { ...user, emails: [workEmail, homeEmail] },
    body: patchOp({ op: "Remove", path: "emails", value: [{ value: "home@example.com" }] }),
    expected: user,
  },
  {
    name: "removes an extension attribute and the extension object it leaves empty",
    resource: { ...user, schemas: [USER_SCHEMA, ENTERPRISE], [ENTERPRISE]: { department: "Sales" } },
    body: patchOp({ op: "remove", path: `${ENTERPRISE}:department` }),
    expected: { ...user, schemas: [USER_SCHEMA, ENTERPRISE] },
  },
  {
    name: "removes the whole extension named by its URN alone",
    resource: withEnterprise,
    body: patchOp({ op: "remove", path: ENTERPRISE }),
    expected: { ...withEnterprise, [ENTERPRISE]: undefined },
  },
  {
    name: "applies operations in order (RFC 7644 3.5.2)",
    resource: user,
    body: patchOp({ op: "add", path: "title", value: "A" }, { op: "replace", path: "title", value: "B" }, { op: "remove", path: "nickName" }),
    expected: { ...user, title: "B" },
  },
  // options.external: group members live in a table
  {
    name: "hands Entra's member additions to externalOps and leaves the group alone (Entra, Update Group [Add Members])",
    resource: group,
    body: entraGroupAddMembers,
    schemas: groupSchemas,
    external: ["members"],
    expected: group,
    externalOps: [{ op: "add", path: "members", value: [{ $ref: null, value: "f648f8d5ea4e4cd38e9c" }] }],
  },
  {
    name: "hands Okta's filtered removal and addition to externalOps in order (Okta, Update specific Group membership)",
    resource: group,
    body: oktaGroupPatchMembers,
    schemas: groupSchemas,
    external: ["members"],
    expected: group,
    externalOps: normalizePatchRequest(oktaGroupPatchMembers).operations,
  },
  {
    name: "splits a path-less replace: members to externalOps, displayName applied",
    resource: group,
    body: patchOp({ op: "replace", value: { displayName: "Renamed", members: [{ value: "u2" }] } }),
    schemas: groupSchemas,
    external: ["members"],
    expected: { ...group, displayName: "Renamed" },
    externalOps: [{ op: "replace", path: "members", value: [{ value: "u2" }] }],
  },
  {
    name: "removes only the listed members when Entra sends Remove with a value array and members are stored inline",
    resource: { ...group, members: [{ value: "f648f8d5ea4e4cd38e9c" }, { value: "keep" }] },
    body: entraGroupRemoveMembers,
    schemas: groupSchemas,
    expected: { ...group, members: [{ value: "keep" }] },
  },
  {
    name: "replaces inline members with Okta's full push when members are not external (Okta, Update specific Group membership)",
    resource: groupWithMembers,
    body: oktaGroupPatchReplaceMembers,
    schemas: groupSchemas,
    // The members' readOnly `display` is the server's to write: what Okta sends is ignored.
    expected: { ...group, members: oktaGroupPatchReplaceMembers.Operations[0].value.map(({ value }) => ({ value })) },
  },
];

describe("applyPatch applies", () => {
  it.each(applies)("$name", ({ resource, body, schemas, external, expected, externalOps }) => {
    const input = structuredClone(resource);
    const result = applyPatch(resource, normalizePatchRequest(body).operations, schemas ?? userSchemas, { external });
    expect(result.resource).toEqual(expected);
    expect(result.externalOps).toEqual(externalOps ?? []);
    expect(resource).toEqual(input);
  });
});

describe("applyPatch reports changed", () => {
  const cases = [
    { name: "false when Entra re-sends the value already stored", resource: user, body: entraPatchReplaceUserName, changed: false, patched: { ...user, userName: entraPatchReplaceUserName.Operations[0].value } },
    { name: "false when removing an absent attribute (RFC 7644 3.5.2.2)", resource: user, body: patchOp({ op: "remove", path: "nickName" }), changed: false },
    { name: "false when removing a filter that matches nothing", resource: user, body: patchOp({ op: "remove", path: 'emails[type eq "home"]' }), changed: false },
    { name: "false when removing an extension attribute of a user without the extension", resource: user, body: patchOp({ op: "remove", path: `${ENTERPRISE}:manager` }), changed: false },
    { name: "false when adding values already present", resource: user, body: patchOp({ op: "add", path: "emails", value: [workEmail] }), changed: false },
    { name: "false when only members changed, which are external", resource: group, body: entraGroupRemoveMemberByFilter, changed: false, schemas: groupSchemas },
    { name: "true when a value changes", resource: user, body: entraPatchDeactivate, changed: true },
  ];
  it.each(cases)("$name", ({ resource, body, changed, patched, schemas }) => {
    const start = patched ?? resource;
    const result = applyPatch(start, normalizePatchRequest(body).operations, schemas ?? userSchemas, { external: ["members"] });
    expect(result.changed).toBe(changed);
  });
});

type Refusal = { name: string; resource?: Record<string, unknown>; operations: PatchOperation[]; schemas?: ResourceSchemas; status: number; scimType: string; detail?: string };

const refusals: Refusal[] = [
  { name: "refuses replacing id (RFC 7643 3.1, readOnly)", operations: [{ op: "replace", path: "id", value: "x" }], status: 400, scimType: "mutability" },
  { name: "refuses changing meta (RFC 7643 3.1, readOnly)", operations: [{ op: "replace", path: "meta.lastModified", value: "2020-01-01T00:00:00Z" }], status: 400, scimType: "mutability" },
  { name: "refuses removing meta", operations: [{ op: "remove", path: "meta" }], status: 400, scimType: "mutability" },
  { name: "refuses changing schemas", operations: [{ op: "replace", path: "schemas", value: [USER_SCHEMA] }], status: 400, scimType: "mutability" },
  { name: "refuses adding groups to a user (RFC 7643 4.1.2, readOnly)", operations: [{ op: "add", path: "groups", value: [{ value: "g1" }] }], status: 400, scimType: "mutability" },
  { name: "refuses a path-less id on a user", operations: [{ op: "replace", value: { id: user.id, displayName: "x" } }], status: 400, scimType: "mutability" },
  {
    name: "refuses another id in Okta's path-less group rename",
    resource: group,
    schemas: groupSchemas,
    operations: [{ op: "replace", value: { id: "another-group", displayName: "Test SCIMv2" } }],
    status: 400,
    scimType: "mutability",
  },
  {
    name: "refuses changing an immutable member sub-attribute that has a value (RFC 7644 3.5.2)",
    resource: groupWithMembers,
    schemas: groupSchemas,
    operations: [{ op: "replace", path: 'members[value eq "u1"].display', value: "Renamed" }],
    status: 400,
    scimType: "mutability",
  },
  { name: "refuses a remove without a path (RFC 7644 3.5.2.2)", operations: [{ op: "remove" }], status: 400, scimType: "noTarget" },
  {
    name: "refuses to create a value from a filter that does not describe one (RFC 7644 3.5.2.3)",
    operations: [{ op: "replace", path: 'emails[type ne "work"].value', value: "x@example.com" }],
    status: 400,
    scimType: "noTarget",
  },
  { name: "refuses removing the required userName (RFC 7643 4.1.1)", operations: [{ op: "remove", path: "userName" }], status: 400, scimType: "invalidValue" },
  { name: "refuses an unknown attribute, naming it", operations: [{ op: "replace", path: "shoeSize", value: "42" }], status: 400, scimType: "invalidPath", detail: "shoeSize" },
  { name: "refuses an unknown key of a path-less value, naming it", operations: [{ op: "replace", value: { displayName: "x", shoeSize: "42" } }], status: 400, scimType: "invalidPath", detail: "shoeSize" },
  { name: "refuses an unknown sub-attribute", operations: [{ op: "replace", path: "name.nickname", value: "x" }], status: 400, scimType: "invalidPath", detail: "nickname" },
  { name: "refuses an unknown sub-attribute inside a complex value", operations: [{ op: "add", path: "emails", value: [{ value: "a@b.c", label: "x" }] }], status: 400, scimType: "invalidPath", detail: "label" },
  { name: "refuses an unknown schema URN", operations: [{ op: "replace", path: "urn:example:params:scim:schemas:Custom:color", value: "red" }], status: 400, scimType: "invalidPath", detail: "urn:example" },
  { name: "refuses a core attribute qualified with the extension URN", operations: [{ op: "replace", path: `${ENTERPRISE}:userName`, value: "x" }], status: 400, scimType: "invalidPath" },
  { name: "refuses a path with a syntax error (RFC 7644 3.5.2)", operations: [{ op: "replace", path: 'emails[type eq "work"', value: "x" }], status: 400, scimType: "invalidPath" },
  { name: "refuses a filter on an unknown sub-attribute", operations: [{ op: "replace", path: 'emails[kind eq "work"].value', value: "x" }], status: 400, scimType: "invalidPath", detail: "kind" },
  { name: "refuses a filter on a single-valued attribute", operations: [{ op: "replace", path: 'name[givenName eq "x"].familyName', value: "y" }], status: 400, scimType: "invalidPath" },
  { name: "refuses a boolean that is not true or false", operations: [{ op: "replace", path: "active", value: "maybe" }], status: 400, scimType: "invalidValue" },
  { name: "refuses a string where a complex value is expected", operations: [{ op: "replace", path: "name", value: "Babs Jensen" }], status: 400, scimType: "invalidValue" },
  { name: "refuses a number where a string is expected", operations: [{ op: "replace", path: "displayName", value: 42 }], status: 400, scimType: "invalidValue" },
  { name: "refuses a path-less value that is not an object", operations: [{ op: "replace", value: "False" }], status: 400, scimType: "invalidValue" },
  {
    name: "refuses two primary values in one operation (RFC 7643 2.4)",
    operations: [{ op: "add", path: "emails", value: [{ value: "a@b.c", primary: true }, { value: "d@e.f", primary: true }] }],
    status: 400,
    scimType: "invalidValue",
  },
  { name: "refuses a listed value without sub-attributes, which would remove everything", operations: [{ op: "remove", path: "emails", value: [{ display: null }] }], status: 400, scimType: "invalidValue" },
  { name: "refuses an unknown op instead of ignoring it", operations: [{ op: "move" as "add", path: "title", value: "x" }], status: 400, scimType: "invalidSyntax" },
];

describe("applyPatch refuses", () => {
  it.each(refusals)("$name", ({ resource, operations, schemas, status, scimType, detail }) => {
    const start = resource ?? user;
    const input = structuredClone(start);
    let error: unknown;
    try {
      applyPatch(start, operations, schemas ?? userSchemas);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(status);
    expect((error as ScimError).scimType).toBe(scimType);
    if (detail) expect((error as ScimError).detail).toContain(detail);
    expect(start).toEqual(input);
  });

  it("applies nothing when a later operation fails (RFC 7644 3.5.2: PATCH is atomic)", () => {
    const operations: PatchOperation[] = [
      { op: "replace", path: "active", value: false },
      { op: "replace", path: "id", value: "x" },
    ];
    const input = structuredClone(user);
    expect(() => applyPatch(user, operations, userSchemas)).toThrow(ScimError);
    expect(user).toEqual(input);
  });
});
