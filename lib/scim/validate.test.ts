import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { entraCreateGroup, entraCreateUser } from "./fixtures/entra";
import { oktaCreateGroup, oktaCreateUser, oktaGroupPutMembers, oktaPutDeactivate, oktaPutUpdateUser } from "./fixtures/okta";
import { normalizeResource } from "./normalize";
import { groupSchemas, userSchemas } from "./schemas/lookup";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "./schemas/urns";
import { MAX_STRING_LENGTH, validateResource } from "./validate";

describe("validateResource accepts", () => {
  const cases: Array<{ name: string; input: Record<string, unknown>; resource: Record<string, unknown>; ignored?: string[] }> = [
    {
      name: "a minimal user and lists the core schema",
      input: { userName: "ann" },
      resource: { schemas: [USER_SCHEMA], userName: "ann" },
    },
    {
      name: "a full user with the enterprise extension and lists both schemas",
      input: {
        schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
        userName: "ann",
        externalId: "e-1",
        name: { givenName: "Ann", familyName: "Lee" },
        active: false,
        emails: [{ value: "ann@x", type: "work", primary: true }, { value: "a@home", type: "home" }],
        x509Certificates: [{ value: "MIIDQTCCAimgAwIBAgIBATA=" }],
        [ENTERPRISE_USER_SCHEMA]: { department: "Sales", manager: { value: "m-1" } },
      },
      resource: {
        schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
        userName: "ann",
        externalId: "e-1",
        name: { givenName: "Ann", familyName: "Lee" },
        active: false,
        emails: [{ value: "ann@x", type: "work", primary: true }, { value: "a@home", type: "home" }],
        x509Certificates: [{ value: "MIIDQTCCAimgAwIBAgIBATA=" }],
        [ENTERPRISE_USER_SCHEMA]: { department: "Sales", manager: { value: "m-1" } },
      },
    },
    {
      name: "a user with groups and ignores them because groups is readOnly (RFC 7643 section 2.2)",
      input: { userName: "ann", groups: [{ value: "g-1" }] },
      resource: { schemas: [USER_SCHEMA], userName: "ann" },
      ignored: ["groups"],
    },
    {
      name: "a manager with a displayName and ignores the readOnly sub-attribute",
      input: { userName: "ann", [ENTERPRISE_USER_SCHEMA]: { manager: { value: "m-1", displayName: "Boss" } } },
      resource: { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA], userName: "ann", [ENTERPRISE_USER_SCHEMA]: { manager: { value: "m-1" } } },
      ignored: [`${ENTERPRISE_USER_SCHEMA}:manager.displayName`],
    },
    {
      name: "unknown attributes and sub-attributes by ignoring and reporting them",
      input: { userName: "ann", shoeSize: 42, name: { givenName: "Ann", nickname: "A" }, "urn:example:custom": { tier: "gold" } },
      resource: { schemas: [USER_SCHEMA], userName: "ann", name: { givenName: "Ann" } },
      ignored: ["shoeSize", "name.nickname", "urn:example:custom"],
    },
    {
      name: "a password by ignoring it because it is never stored",
      input: { userName: "ann", password: "hunter2" },
      resource: { schemas: [USER_SCHEMA], userName: "ann" },
      ignored: ["password"],
    },
    {
      name: "an email type outside the canonical values (RFC 7643 section 7: suggested values)",
      input: { userName: "ann", emails: [{ value: "a@x", type: "Office" }] },
      resource: { schemas: [USER_SCHEMA], userName: "ann", emails: [{ value: "a@x", type: "Office" }] },
    },
    {
      name: "a schemas list with an extra URI",
      input: { schemas: [USER_SCHEMA, "urn:example:extra"], userName: "ann" },
      resource: { schemas: [USER_SCHEMA], userName: "ann" },
    },
  ];
  it.each(cases)("$name", ({ input, resource, ignored }) => {
    expect(validateResource(input, userSchemas, { mode: "create" })).toEqual({ resource, ignored: ignored ?? [] });
  });

  it("a group with members", () => {
    const input = { schemas: [GROUP_SCHEMA], displayName: "Ops", members: [{ value: "u-1", type: "User" }] };
    expect(validateResource(input, groupSchemas, { mode: "replace" })).toEqual({
      resource: { ...input, members: [{ value: "u-1" }] },
      ignored: ["members[].type"],
    });
  });

  it("lists an ignored sub-attribute once however many values carry it", () => {
    const members = Array.from({ length: 3 }, (_, i) => ({ value: `u-${i}`, display: `User ${i}` }));
    const { ignored } = validateResource({ schemas: [GROUP_SCHEMA], displayName: "Ops", members }, groupSchemas, { mode: "create" });
    expect(ignored).toEqual(["members[].display"]);
  });
});

describe("validateResource refuses with invalidValue", () => {
  const cases: Array<{ name: string; input: Record<string, unknown>; detail: string; schemas?: typeof userSchemas }> = [
    { name: "a user without userName", input: { displayName: "Ann" }, detail: "userName is required when creating a User" },
    { name: "a blank userName", input: { userName: "  " }, detail: "userName must not be empty" },
    { name: "a group without displayName", input: { members: [] }, detail: "displayName is required when creating a Group", schemas: groupSchemas },
    { name: "a string for a boolean", input: { userName: "a", active: "yes" }, detail: 'active must be a boolean; got the string "yes"' },
    { name: "a number for a string", input: { userName: 42 }, detail: "userName must be a string; got the number 42" },
    { name: "a single object for a multi-valued attribute", input: { userName: "a", emails: { value: "a@x" } }, detail: "emails is multi-valued and must be an array; got an object" },
    { name: "an array for a single-valued attribute", input: { userName: "a", name: [{ givenName: "A" }] }, detail: "name is single-valued" },
    { name: "a string inside a multi-valued complex attribute", input: { userName: "a", emails: ["a@x"] }, detail: "emails[0] must be an object" },
    { name: "a string for a boolean sub-attribute", input: { userName: "a", emails: [{ value: "a@x", primary: "yes" }] }, detail: "emails[0].primary must be a boolean" },
    { name: "two primary emails", input: { userName: "a", emails: [{ value: "a", primary: true }, { value: "b", primary: true }] }, detail: "more than one value with primary" },
    { name: "a string longer than the limit", input: { userName: "a".repeat(MAX_STRING_LENGTH + 1) }, detail: `userName is longer than ${MAX_STRING_LENGTH} characters` },
    { name: "binary that is not base64", input: { userName: "a", x509Certificates: [{ value: "not base64!" }] }, detail: "x509Certificates[0].value must be base64" },
    { name: "an extension that is not an object", input: { userName: "a", [ENTERPRISE_USER_SCHEMA]: "Sales" }, detail: `"${ENTERPRISE_USER_SCHEMA}" must be an object` },
    { name: "a wrongly typed extension attribute with its URN in the detail", input: { userName: "a", [ENTERPRISE_USER_SCHEMA]: { department: 7 } }, detail: `${ENTERPRISE_USER_SCHEMA}:department must be a string` },
    { name: "a schemas list without the core schema", input: { schemas: [GROUP_SCHEMA], userName: "a" }, detail: `"schemas" must be an array that includes "${USER_SCHEMA}"` },
  ];
  it.each(cases)("$name", ({ input, detail, schemas }) => {
    let error: unknown;
    try {
      validateResource(input, schemas ?? userSchemas, { mode: "create" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect((error as ScimError).detail).toContain(detail);
  });

  it("names the mode in the detail when a replace lacks a required attribute", () => {
    expect(() => validateResource({ displayName: "A" }, userSchemas, { mode: "replace" })).toThrow("when replacing a User");
  });
});

describe("validateResource after normalizeResource", () => {
  const bodies = [
    { name: "Entra's create user", body: entraCreateUser, schemas: userSchemas, userName: entraCreateUser.userName },
    { name: "Entra's create group", body: entraCreateGroup, schemas: groupSchemas },
    { name: "Okta's create user with its placeholder password", body: oktaCreateUser, schemas: userSchemas, userName: oktaCreateUser.userName },
    { name: "Okta's PUT update user echoing id and meta", body: oktaPutUpdateUser, schemas: userSchemas, userName: oktaPutUpdateUser.userName },
    { name: "Okta's PUT deactivation", body: oktaPutDeactivate, schemas: userSchemas, userName: oktaPutDeactivate.userName },
    { name: "Okta's create group", body: oktaCreateGroup, schemas: groupSchemas },
    { name: "Okta's PUT group membership", body: oktaGroupPutMembers, schemas: groupSchemas },
  ];
  it.each(bodies)("accepts $name without id, meta or password", ({ body, schemas, userName }) => {
    const { resource } = validateResource(normalizeResource(body, schemas), schemas, { mode: "create" });
    expect(resource).not.toHaveProperty("id");
    expect(resource).not.toHaveProperty("meta");
    expect(resource).not.toHaveProperty("password");
    if (userName) expect(resource.userName).toBe(userName);
  });
});
