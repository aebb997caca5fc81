import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import type { PatchPath } from "./filter-ast";
import { parsePatchPath } from "./patch-path";
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from "./schemas/urns";


describe("parsePatchPath", () => {
  it.each<[string, PatchPath]>([
    ["members", { path: { attr: "members" } }],
    ["name.givenName", { path: { attr: "name", sub: "givenName" } }],
    ["active", { path: { attr: "active" } }],
    [
      'emails[type eq "work"].value',
      {
        path: { attr: "emails" },
        filter: { kind: "compare", path: { attr: "type" }, op: "eq", value: "work" },
        subAttr: "value",
      },
    ],
    [
      'members[value eq "U"]',
      { path: { attr: "members" }, filter: { kind: "compare", path: { attr: "value" }, op: "eq", value: "U" } },
    ],
    [
      'addresses[type eq "work" and primary eq true].streetAddress',
      {
        path: { attr: "addresses" },
        filter: {
          kind: "and",
          left: { kind: "compare", path: { attr: "type" }, op: "eq", value: "work" },
          right: { kind: "compare", path: { attr: "primary" }, op: "eq", value: true },
        },
        subAttr: "streetAddress",
      },
    ],
    [`${ENTERPRISE_USER_SCHEMA}:manager`, { path: { urn: ENTERPRISE_USER_SCHEMA, attr: "manager" } }],
    [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, { path: { urn: ENTERPRISE_USER_SCHEMA, attr: "employeeNumber" } }],
    [`${USER_SCHEMA}:name.givenName`, { path: { urn: USER_SCHEMA, attr: "name", sub: "givenName" } }],
    [
      `${USER_SCHEMA}:emails[type eq "work"].value`,
      {
        path: { urn: USER_SCHEMA, attr: "emails" },
        filter: { kind: "compare", path: { attr: "type" }, op: "eq", value: "work" },
        subAttr: "value",
      },
    ],
  ])("parses %s", (text, expected) => {
    expect(parsePatchPath(text)).toEqual(expected);
  });

  it.each([
    ["an empty path", "", /position 1: expected an attribute path but found the end of the path/],
    ["a trailing dot", "name.", /sub-attribute name/],
    ["leading whitespace", " members", /expected an attribute path/],
    ["trailing whitespace", "members ", /expected '\[' or the end of the path/],
    ["a malformed filter in brackets", "members[value eq]", /position 17: expected a value/],
    ["an unclosed bracket", 'members[value eq "U"', /expected 'and', 'or' or '\]'/],
    ["an empty filter in brackets", "members[]", /expected an attribute path/],
    ["garbage after the bracket", 'emails[type eq "work"]x', /expected '\.' and a sub-attribute/],
    ["two sub-attributes after the bracket", 'emails[type eq "work"].value.x', /position 24: expected a sub-attribute name after '\.' but found 'value\.x'/],
    ["a dot without a name after the bracket", 'emails[type eq "work"].', /sub-attribute name/],
    ["a filter on a sub-attribute", 'name.givenName[value eq "x"]', /not to a sub-attribute/],
    ["nested brackets", 'emails[x[y eq 1]]', /cannot be nested/],
    ["a URN without an attribute", "urn:", /schema URN prefix/],
  ])("refuses %s with invalidPath", (_, text, message) => {
    let thrown: unknown;
    try {
      parsePatchPath(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScimError);
    expect(thrown).toMatchObject({ status: 400, scimType: "invalidPath" });
    expect((thrown as ScimError).detail).toMatch(message);
  });
});
