import { describe, expect, it } from "vitest";
import { etagFor, ifMatchSatisfied, ifNoneMatchSatisfied } from "./etag";

describe("etagFor", () => {
  it.each([
    { version: 3, expected: 'W/"3"' },
    { version: "e180ee84f0671b1", expected: 'W/"e180ee84f0671b1"' },
    { version: 'W/"7"', expected: 'W/"7"' },
  ])("makes the weak ETag $expected from $version", ({ version, expected }) => {
    expect(etagFor(version)).toBe(expected);
  });
});

describe("ifMatchSatisfied", () => {
  const cases = [
    { header: null, version: 3, expected: true, why: "no header means no precondition" },
    { header: "  ", version: 3, expected: true, why: "a blank header means no precondition" },
    { header: "*", version: 3, expected: true, why: "* matches any existing resource" },
    { header: 'W/"3"', version: 3, expected: true, why: "the weak tag we issued matches (RFC 7644 section 3.14)" },
    { header: '"3"', version: 3, expected: true, why: "a strong form of the same tag matches" },
    { header: "3", version: 3, expected: true, why: "a bare version matches" },
    { header: 'W/"2"', version: 3, expected: false, why: "a stale version does not match" },
    { header: 'W/"1", W/"3"', version: 3, expected: true, why: "any tag of a list may match" },
    { header: '"1","2"', version: 3, expected: false, why: "no tag of a list matches" },
    { header: 'W/"3"', version: 'W/"3"', expected: true, why: "a version given as an ETag matches" },
  ];
  it.each(cases)("is $expected for $header against $version: $why", ({ header, version, expected }) => {
    expect(ifMatchSatisfied(header, version)).toBe(expected);
  });
});

describe("ifNoneMatchSatisfied", () => {
  const cases = [
    { header: null, version: 3, expected: true, why: "no header means no precondition" },
    { header: "*", version: 3, expected: false, why: "* matches the existing resource" },
    { header: 'W/"3"', version: 3, expected: false, why: "the current version is not modified" },
    { header: 'W/"2"', version: 3, expected: true, why: "a stale version is modified" },
    { header: 'W/"1", "3"', version: 3, expected: false, why: "any tag of a list may match" },
    { header: 'W/"1", W/"2"', version: 3, expected: true, why: "no tag of a list matches" },
  ];
  it.each(cases)("is $expected for $header against $version: $why", ({ header, version, expected }) => {
    expect(ifNoneMatchSatisfied(header, version)).toBe(expected);
  });
});
