import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import type { Filter, FilterValue } from "./filter-ast";
import { parseFilter } from "./filter-parser";
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from "./schemas/urns";


const eq = (attr: string, value: FilterValue, sub?: string): Filter => ({
  kind: "compare",
  path: sub ? { attr, sub } : { attr },
  op: "eq",
  value,
});

describe("parseFilter", () => {
  it.each([
    ["eq", 'userName eq "bjensen"'],
    ["ne", 'userName ne "bjensen"'],
    ["co", 'userName co "jen"'],
    ["sw", 'userName sw "bj"'],
    ["ew", 'userName ew "sen"'],
    ["gt", 'userName gt "a"'],
    ["ge", 'userName ge "a"'],
    ["lt", 'userName lt "z"'],
    ["le", 'userName le "z"'],
  ])("parses the %s operator", (op, text) => {
    expect(parseFilter(text)).toMatchObject({ kind: "compare", path: { attr: "userName" }, op });
  });

  it.each([
    ["EQ", 'userName EQ "x"', "eq"],
    ["Sw", 'userName Sw "x"', "sw"],
    ["gE", "x gE 1", "ge"],
  ])("reads the operator %s case-insensitively", (_, text, op) => {
    expect(parseFilter(text)).toMatchObject({ op });
  });

  it("parses pr as a presence test", () => {
    expect(parseFilter("title pr")).toEqual({ kind: "present", path: { attr: "title" } });
    expect(parseFilter("title PR")).toEqual({ kind: "present", path: { attr: "title" } });
  });

  it.each<[string, string, FilterValue]>([
    ["a string", 'x eq "hello"', "hello"],
    ["an integer", "x eq 42", 42],
    ["a negative decimal with exponent", "x eq -1.5e2", -150],
    ["zero", "x eq 0", 0],
    ["true", "x eq true", true],
    ["false", "x eq false", false],
    ["null", "x eq null", null],
    ["escaped quote and backslash", String.raw`x eq "a\"b\\c"`, 'a"b\\c'],
    ["escaped slash", String.raw`x eq "a\/b"`, "a/b"],
    ["control escapes", String.raw`x eq "\b\f\n\r\t"`, "\b\f\n\r\t"],
    ["a unicode escape", String.raw`x eq "caf\u00e9 \u00C9"`, "café É"],
    ["an empty string", 'x eq ""', ""],
    ["brackets and keywords inside a string", 'x eq "a) and (b] or not"', "a) and (b] or not"],
  ])("reads %s as a JSON value", (_, text, value) => {
    expect(parseFilter(text)).toEqual({ kind: "compare", path: { attr: "x" }, op: "eq", value });
  });

  it.each<[string, string, FilterValue]>([
    ["Entra's documented unquoted userName", "x eq Test_User_00aa00aa-1111-2222-3333-444444444444", "Test_User_00aa00aa-1111-2222-3333-444444444444"],
    ["a word from Microsoft's reference collection", "x eq Employee", "Employee"],
    ["one letter", "x eq O", "O"],
    ["a bare date-time", "x eq 2015-10-10T14:38:21.8617979-07:00", "2015-10-10T14:38:21.8617979-07:00"],
    ["an email address", "x eq bjensen@example.com", "bjensen@example.com"],
    ["digits that are no JSON number", "x eq 00123", "00123"],
    ["a number with a trailing dot", "x eq 1.", "1."],
    ["Entra's True in capitals", "x eq True", true],
    ["Entra's False in capitals", "x eq FALSE", false],
  ])("forgives an unquoted value: %s", (_, text, value) => {
    expect(parseFilter(text)).toEqual({ kind: "compare", path: { attr: "x" }, op: "eq", value });
  });

  it("ends an unquoted value at a space, ')' or ']'", () => {
    expect(parseFilter("(x eq a) and emails[type eq work]")).toEqual({
      kind: "and",
      left: { kind: "compare", path: { attr: "x" }, op: "eq", value: "a" },
      right: { kind: "valuePath", path: { attr: "emails" }, filter: { kind: "compare", path: { attr: "type" }, op: "eq", value: "work" } },
    });
  });

  it.each<[string, string, Filter]>([
    [
      "and binds tighter than or",
      "a eq 1 or b eq 2 and c eq 3",
      { kind: "or", left: eq("a", 1), right: { kind: "and", left: eq("b", 2), right: eq("c", 3) } },
    ],
    [
      "and binds tighter than or on the left too",
      "a eq 1 and b eq 2 or c eq 3",
      { kind: "or", left: { kind: "and", left: eq("a", 1), right: eq("b", 2) }, right: eq("c", 3) },
    ],
    [
      "parentheses override precedence",
      "a eq 1 and (b eq 2 or c eq 3)",
      { kind: "and", left: eq("a", 1), right: { kind: "or", left: eq("b", 2), right: eq("c", 3) } },
    ],
    [
      "and associates to the left",
      "a eq 1 and b eq 2 and c eq 3",
      { kind: "and", left: { kind: "and", left: eq("a", 1), right: eq("b", 2) }, right: eq("c", 3) },
    ],
    [
      "not binds tighter than and",
      "not (a eq 1) and b eq 2",
      { kind: "and", left: { kind: "not", filter: eq("a", 1) }, right: eq("b", 2) },
    ],
    [
      "not applies to a whole parenthesised or",
      "NOT (a eq 1 OR b eq 2)",
      { kind: "not", filter: { kind: "or", left: eq("a", 1), right: eq("b", 2) } },
    ],
    ["not without a space before the parenthesis", "not(a eq 1)", { kind: "not", filter: eq("a", 1) }],
    ["redundant parentheses", "((a eq 1))", eq("a", 1)],
    ["logical words in any case", "a eq 1 AnD b eq 2", { kind: "and", left: eq("a", 1), right: eq("b", 2) }],
    ["extra whitespace", "  a   eq\t1  ", eq("a", 1)],
  ])("%s", (_, text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, string, Filter]>([
    ["a sub-attribute", 'name.familyName eq "Jensen"', eq("name", "Jensen", "familyName")],
    [
      "the enterprise extension URN, whose 2.0 is not a sub-attribute",
      `${ENTERPRISE_USER_SCHEMA}:employeeNumber eq "701984"`,
      { kind: "compare", path: { urn: ENTERPRISE_USER_SCHEMA, attr: "employeeNumber" }, op: "eq", value: "701984" },
    ],
    [
      "a core-schema-qualified name",
      `${USER_SCHEMA}:userName eq "bjensen"`,
      { kind: "compare", path: { urn: USER_SCHEMA, attr: "userName" }, op: "eq", value: "bjensen" },
    ],
    [
      "a URN-qualified sub-attribute",
      `${ENTERPRISE_USER_SCHEMA}:manager.value eq "26118915"`,
      { kind: "compare", path: { urn: ENTERPRISE_USER_SCHEMA, attr: "manager", sub: "value" }, op: "eq", value: "26118915" },
    ],
    ["$ref", 'members.$ref eq "x"', eq("members", "x", "$ref")],
    ["names with digits, '-' and '_'", "x509_cert-2 pr", { kind: "present", path: { attr: "x509_cert-2" } }],
  ])("reads %s", (_, text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, string, Filter]>([
    [
      "a value path with and inside",
      'emails[type eq "work" and value co "@example.com"]',
      {
        kind: "valuePath",
        path: { attr: "emails" },
        filter: { kind: "and", left: eq("type", "work"), right: { kind: "compare", path: { attr: "value" }, op: "co", value: "@example.com" } },
      },
    ],
    [
      "a value path combined with or",
      'userType eq "Employee" or emails[primary eq true]',
      {
        kind: "or",
        left: eq("userType", "Employee"),
        right: { kind: "valuePath", path: { attr: "emails" }, filter: eq("primary", true) },
      },
    ],
    [
      "a value path with not inside",
      'emails[not (type eq "home")]',
      { kind: "valuePath", path: { attr: "emails" }, filter: { kind: "not", filter: eq("type", "home") } },
    ],
  ])("parses %s", (_, text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it("parses the probe Entra ID sends before creating a user", () => {
    // https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
    expect(parseFilter('userName eq "6f7a4b1e-2b3c-4d5e-8f90-a1b2c3d4e5f6"')).toEqual(
      eq("userName", "6f7a4b1e-2b3c-4d5e-8f90-a1b2c3d4e5f6"),
    );
  });

  it("parses Entra ID's group membership check", () => {
    expect(parseFilter('id eq "G" and members[value eq "U"]')).toEqual({
      kind: "and",
      left: eq("id", "G"),
      right: { kind: "valuePath", path: { attr: "members" }, filter: eq("value", "U") },
    });
  });

  it("parses Okta's user lookup", () => {
    // https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20
    expect(parseFilter('userName eq "x@y.com"')).toEqual(eq("userName", "x@y.com"));
  });

  it("parses the RFC 7644 section 3.4.2.2 examples", () => {
    const examples = [
      'title pr and userType eq "Employee"',
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
    ];
    for (const text of examples) expect(() => parseFilter(text)).not.toThrow();
  });
});

describe("parseFilter refuses malformed input", () => {
  it.each([
    ["an empty filter", "", /position 1: expected a filter expression/],
    ["only whitespace", "   ", /expected a filter expression/],
    ["an unknown operator", 'userName like "x"', /position 10: expected a comparison operator.*found 'like'/],
    ["a missing operator", "userName", /expected a comparison operator/],
    ["a missing value", "userName eq", /position 12: expected a value/],
    ["an unquoted keyword", "userName eq and", /position 13: 'and' is a keyword, not a value; quote a text value: "and"/],
    ["an unquoted pr", 'userName eq pr or x eq "y"', /'pr' is a keyword/],
    ["a single-quoted value", "userName eq 'x'", /a value in single quotes must be a JSON string in double quotes: "x"/],
    ["an unquoted value running into a quote", 'userName eq ab"c"', /must be a JSON string in double quotes/],
    ["an unterminated string", 'userName eq "abc', /closing '"' for the string opened at position 13/],
    ["a bad escape", String.raw`userName eq "a\x"`, /expected an escape/],
    ["a short unicode escape", String.raw`userName eq "\u12"`, /four hex digits/],
    ["a raw control character in a string", 'userName eq "a\nb"', /control characters/],
    ["an escaped NUL in a string", String.raw`userName eq "a\u0000b"`, /position 15: a string cannot contain \\u0000/],
    ["trailing garbage", 'userName eq "x" foo', /position 17: expected 'and', 'or' or the end of the filter but found 'foo'/],
    ["a dangling and", 'userName eq "x" and', /expected an attribute path, '\(' or 'not' but found the end/],
    ["a leading or", 'or userName eq "x"', /expected a comparison operator/],
    ["an unclosed parenthesis", '(userName eq "x"', /expected 'and', 'or' or '\)' but found the end/],
    ["an extra closing parenthesis", 'userName eq "x")', /expected 'and', 'or' or the end.*found '\)'/],
    ["empty parentheses", "()", /expected an attribute path/],
    ["not without parentheses", 'not userName eq "x"', /expected '\(' after 'not'/],
    ["an unclosed value path", 'emails[type eq "work"', /expected 'and', 'or' or '\]'/],
    ["an empty value path", "emails[]", /expected an attribute path/],
    ["a nested value path", 'emails[x[y eq 1]]', /cannot be nested/],
    ["a sub-attribute after a value path", 'emails[type eq "work"].value eq "x"', /only allowed in PATCH paths/],
    ["a value path on a sub-attribute", 'name.x[y eq 1]', /not to a sub-attribute/],
    ["two sub-attributes", 'name.a.b eq "x"', /at most one sub-attribute/],
    ["a name starting with a digit", '1name eq "x"', /position 1: expected an attribute name/],
    ["a name starting with '-'", '-x eq "x"', /position 1: expected an attribute name/],
    ["a URN that is not a urn:", 'foo:bar eq "x"', /schema URN prefix/],
    ["a URN ending in a colon", 'urn:a:b: eq "x"', /expected an attribute name/],
    ["a sub-attribute missing after '.'", 'name. eq "x"', /sub-attribute name/],
    ["and and", 'a eq 1 and and b eq 2', /expected a comparison operator/],
  ])("refuses %s", (_, text, message) => {
    let thrown: unknown;
    try {
      parseFilter(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScimError);
    expect(thrown).toMatchObject({ status: 400, scimType: "invalidFilter" });
    expect((thrown as ScimError).detail).toMatch(message);
  });

  it("refuses a filter longer than 10,000 characters", () => {
    const text = `userName eq "${"a".repeat(10_000)}"`;
    expect(() => parseFilter(text)).toThrow(/at most 10000/);
  });

  it("accepts 50 levels of nesting and refuses 51", () => {
    const nest = (n: number) => `${"(".repeat(n)}a eq 1${")".repeat(n)}`;
    expect(parseFilter(nest(50))).toEqual(eq("a", 1));
    expect(() => parseFilter(nest(51))).toThrow(/nesting deeper than 50/);
    expect(() => parseFilter(`${"not (".repeat(51)}a eq 1${")".repeat(51)}`)).toThrow(ScimError);
  });

  it("parses a long chain of or without deep recursion", () => {
    const text = Array.from({ length: 500 }, (_, i) => `a eq ${i}`).join(" or ");
    expect(parseFilter(text).kind).toBe("or");
  });
});
