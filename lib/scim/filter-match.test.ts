import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { matchesFilter } from "./filter-match";
import { parseFilter } from "./filter-parser";
import { ENTERPRISE_USER_SCHEMA } from "./schemas/urns";


const user = {
  userName: "BJensen@Example.com",
  active: true,
  title: "",
  nickName: null,
  name: { givenName: "Barbara", familyName: "Jensen" },
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  phoneNumbers: [],
  loginCount: 7,
  lastLogin: "2024-03-01T10:00:00+02:00",
  [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "701984", manager: { value: "26118915" } },
  meta: { lastModified: "2024-03-01T08:00:00Z" },
};

describe("matchesFilter on a user", () => {
  it.each<[string, boolean]>([
    ['userName eq "bjensen@example.com"', true],
    ['USERNAME Eq "BJENSEN@EXAMPLE.COM"', true],
    ['userName ne "bjensen@example.com"', false],
    ['userName ne "someone"', true],
    ['userName co "@EXAMPLE"', true],
    ['userName sw "bjen"', true],
    ['userName ew ".com"', true],
    ['userName ew "example"', false],
    ['userName gt "a"', true],
    ['userName lt "a"', false],
    ['userName ge "bjensen@example.com"', true],
    ['userName le "bjensen@example.com"', true],
    ["active eq true", true],
    ["active eq false", false],
    ["active ne false", true],
    ['active eq "true"', false],
    ["loginCount gt 5", true],
    ["loginCount le 6", false],
    ['loginCount eq "7"', false],
    ['name.familyName eq "jensen"', true],
    ['name.middleName eq "x"', false],
    ['name eq "Barbara"', false],
    ['name ne "Barbara"', false],
    ["userName pr", true],
    ["title pr", false],
    ["nickName pr", false],
    ["phoneNumbers pr", false],
    ["emails pr", true],
    ["name pr", true],
    ["missing pr", false],
    ["name.givenName pr", true],
    ["emails.display pr", false],
    ["title eq null", true],
    ["userName eq null", false],
    ["userName ne null", true],
    ['missing ne "x"', false],
    ['not (missing eq "x")', true],
    ['emails co "jensen.org"', true],
    ['emails.value eq "BABS@jensen.org"', true],
    ['emails.type eq "other"', false],
    ['emails[type eq "work" and value co "example"]', true],
    ['emails[type eq "home" and value co "example"]', false],
    ['emails[not (type eq "work")]', true],
    ["emails[primary eq true]", true],
    ['emails[type eq "work"] and userName sw "b"', true],
    ['name[givenName eq "barbara"]', true],
    ['phoneNumbers[type eq "work"]', false],
    [`${ENTERPRISE_USER_SCHEMA}:employeeNumber eq "701984"`, true],
    [`${ENTERPRISE_USER_SCHEMA.toUpperCase()}:EMPLOYEENUMBER eq "701984"`, true],
    [`${ENTERPRISE_USER_SCHEMA}:manager.value eq "26118915"`, true],
    [`urn:ietf:params:scim:schemas:core:2.0:User:userName sw "BJ"`, true],
    [`urn:example:other:1.0:User:userName pr`, false],
    ['meta.lastModified gt "2024-03-01T07:59:59Z"', true],
    ['meta.lastModified eq "2024-03-01T10:00:00+02:00"', true],
    ['lastLogin lt "2024-03-01T08:00:01Z"', true],
    ['lastLogin gt "2024-03-01T08:00:01Z"', false],
    ['meta.lastModified gt "2024"', true],
    ['userName eq "x" or active eq true', true],
    ['userName eq "x" or active eq false', false],
    ['not (userName eq "x") and not (active eq false)', true],
  ])("%s -> %s", (text, expected) => {
    expect(matchesFilter(parseFilter(text), user)).toBe(expected);
  });
});

describe("matchesFilter on one value of a multi-valued attribute", () => {
  const work = { value: "Work@Example.com", type: "work", primary: true };
  it.each<[string, boolean]>([
    ['type eq "work"', true],
    ['type eq "WORK"', true],
    ['type eq "home"', false],
    ['value ew "example.com"', true],
    ["primary eq true", true],
    ['display pr or type eq "work"', true],
    ['not (type eq "work")', false],
  ])("%s -> %s", (text, expected) => {
    expect(matchesFilter(parseFilter(text), work)).toBe(expected);
  });
});

describe("matchesFilter caseExact", () => {
  const group = { externalId: "ABC", members: [{ value: "U-1", display: "Ann" }] };
  const exact = (path: { attr: string; sub?: string }) =>
    path.attr.toLowerCase() === "externalid" || (path.attr === "members" && path.sub === "value");

  it.each<[string, boolean]>([
    ['externalId eq "abc"', false],
    ['externalId eq "ABC"', true],
    ['externalId co "b"', false],
    ['members[value eq "u-1"]', false],
    ['members[value eq "U-1"]', true],
    ['members[display eq "ann"]', true],
  ])("%s -> %s when externalId and members.value are caseExact", (text, expected) => {
    expect(matchesFilter(parseFilter(text), group, { caseExact: exact })).toBe(expected);
  });
});

describe("matchesFilter refuses comparisons that can never make sense", () => {
  it.each([
    ["gt null", "x gt null"],
    ["co with a number", "x co 1"],
    ["sw with a boolean", "x sw true"],
    ["ordering booleans", "active lt true"],
  ])("throws invalidFilter for %s", (_, text) => {
    expect(() => matchesFilter(parseFilter(text), user)).toThrow(ScimError);
  });
});
