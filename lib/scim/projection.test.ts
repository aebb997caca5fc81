import { describe, expect, it } from "vitest";
import { parseAttributeList, projectAttributes, returnsAttribute } from "./projection";
import { groupSchemas, userSchemas } from "./schemas/lookup";
import { ENTERPRISE_USER_SCHEMA as EXT, GROUP_SCHEMA, USER_SCHEMA } from "./schemas/urns";

const USER = {
  schemas: [USER_SCHEMA, EXT],
  id: "u-1",
  externalId: "e-1",
  userName: "ann",
  name: { givenName: "Ann", familyName: "Lee" },
  active: true,
  password: "never-leaves",
  emails: [
    { value: "ann@work", type: "work", primary: true },
    { value: "ann@home", type: "home" },
  ],
  [EXT]: { department: "Sales", costCenter: "42", manager: { value: "m-1", displayName: "Boss" } },
  meta: { resourceType: "User", version: 'W/"3"' },
};
function without(resource: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resource).filter(([key]) => !keys.includes(key)));
}
const USER_DEFAULT = without(USER, "password");

describe("projectAttributes", () => {
  const cases: Array<{ name: string; options: { attributes?: string[]; excludedAttributes?: string[] }; expected: Record<string, unknown> }> = [
    { name: "returns default attributes and meta but never the password", options: {}, expected: USER_DEFAULT },
    { name: "returns only listed attributes plus id and schemas", options: { attributes: ["userName"] }, expected: { schemas: USER.schemas, id: "u-1", userName: "ann" } },
    { name: "matches listed names case-insensitively", options: { attributes: ["USERNAME", "Active"] }, expected: { schemas: USER.schemas, id: "u-1", userName: "ann", active: true } },
    { name: "returns one sub-attribute of a complex attribute", options: { attributes: ["name.givenName"] }, expected: { schemas: USER.schemas, id: "u-1", name: { givenName: "Ann" } } },
    { name: "returns one sub-attribute of every value of a multi-valued attribute", options: { attributes: ["emails.value"] }, expected: { schemas: USER.schemas, id: "u-1", emails: [{ value: "ann@work" }, { value: "ann@home" }] } },
    { name: "returns a URN-qualified extension attribute", options: { attributes: [`${EXT}:department`] }, expected: { schemas: USER.schemas, id: "u-1", [EXT]: { department: "Sales" } } },
    { name: "returns a bare extension attribute", options: { attributes: ["costCenter"] }, expected: { schemas: USER.schemas, id: "u-1", [EXT]: { costCenter: "42" } } },
    { name: "returns a whole extension named by its URN", options: { attributes: [EXT.toLowerCase()] }, expected: { schemas: USER.schemas, id: "u-1", [EXT]: USER[EXT] } },
    { name: "returns a URN-qualified core attribute", options: { attributes: [`${USER_SCHEMA}:emails.type`] }, expected: { schemas: USER.schemas, id: "u-1", emails: [{ type: "work" }, { type: "home" }] } },
    { name: "never returns the password even when asked", options: { attributes: ["password", "userName"] }, expected: { schemas: USER.schemas, id: "u-1", userName: "ann" } },
    { name: "ignores unknown names", options: { attributes: ["shoeSize", "userName"] }, expected: { schemas: USER.schemas, id: "u-1", userName: "ann" } },
    { name: "excludes an attribute", options: { excludedAttributes: ["emails", "meta"] }, expected: without(USER_DEFAULT, "emails", "meta") },
    { name: "keeps id even when excluded (returned always)", options: { excludedAttributes: ["id", "userName"] }, expected: without(USER_DEFAULT, "userName") },
    { name: "excludes a sub-attribute", options: { excludedAttributes: ["name.familyName", `${EXT}:manager.displayName`] }, expected: { ...USER_DEFAULT, name: { givenName: "Ann" }, [EXT]: { department: "Sales", costCenter: "42", manager: { value: "m-1" } } } },
    { name: "excludes a whole extension named by its URN", options: { excludedAttributes: [EXT] }, expected: without(USER_DEFAULT, EXT) },
    { name: "applies excludedAttributes after attributes", options: { attributes: ["name"], excludedAttributes: ["name.givenName"] }, expected: { schemas: USER.schemas, id: "u-1", name: { familyName: "Lee" } } },
  ];
  it.each(cases)("$name", ({ options, expected }) => {
    expect(projectAttributes(USER, userSchemas, options)).toEqual(expected);
  });

  it("drops members when Entra asks for excludedAttributes=members on a group", () => {
    const group = { schemas: [GROUP_SCHEMA], id: "g-1", displayName: "Ops", members: [{ value: "u-1" }] };
    expect(projectAttributes(group, groupSchemas, { excludedAttributes: ["members"] })).toEqual({ schemas: [GROUP_SCHEMA], id: "g-1", displayName: "Ops" });
  });
});

describe("returnsAttribute", () => {
  const cases = [
    { options: {}, name: "members", expected: true },
    { options: { excludedAttributes: ["members"] }, name: "members", expected: false },
    { options: { attributes: ["displayName"] }, name: "members", expected: false },
    { options: { attributes: ["members.value"] }, name: "members", expected: true },
    { options: { attributes: ["displayName"] }, name: "id", expected: true },
  ];
  it.each(cases)("tells whether $name is returned for $options", ({ options, name, expected }) => {
    expect(returnsAttribute(groupSchemas, options, name)).toBe(expected);
  });
});

describe("parseAttributeList", () => {
  const cases = [
    { param: null, expected: [] },
    { param: "", expected: [] },
    { param: "userName", expected: ["userName"] },
    { param: " userName , name.givenName,,emails ", expected: ["userName", "name.givenName", "emails"] },
    { param: `${EXT}:department,displayName`, expected: [`${EXT}:department`, "displayName"] },
  ];
  it.each(cases)("splits $param", ({ param, expected }) => {
    expect(parseAttributeList(param)).toEqual(expected);
  });
});
