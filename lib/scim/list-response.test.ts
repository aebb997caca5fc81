import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { listResponse, parseListQuery, type ListQuery } from "./list-response";
import { LIST_RESPONSE, SEARCH_REQUEST } from "./schemas/urns";

const LIMITS = { maxCount: 100, defaultCount: 50 };
const DEFAULTS: ListQuery = { startIndex: 1, count: 50, sortOrder: "ascending", attributes: [], excludedAttributes: [] };

describe("listResponse", () => {
  it("reports itemsPerPage as the number of resources returned", () => {
    expect(listResponse([{ id: "a" }, { id: "b" }], { totalResults: 12, startIndex: 3 })).toEqual({
      schemas: [LIST_RESPONSE],
      totalResults: 12,
      startIndex: 3,
      itemsPerPage: 2,
      Resources: [{ id: "a" }, { id: "b" }],
    });
  });

  it("includes an empty Resources array when nothing matched", () => {
    expect(listResponse([], { totalResults: 0, startIndex: 1 })).toMatchObject({ itemsPerPage: 0, Resources: [] });
  });
});

describe("parseListQuery", () => {
  const cases: Array<{ name: string; params: URLSearchParams | Record<string, unknown>; expected: Partial<ListQuery> }> = [
    { name: "uses the defaults when nothing is given", params: new URLSearchParams(), expected: {} },
    {
      name: "reads the filter Entra sends to find a user by userName",
      params: new URLSearchParams('filter=userName eq "Test_User_dfeef4c5"&startIndex=1&count=1'),
      expected: { filter: 'userName eq "Test_User_dfeef4c5"', count: 1 },
    },
    { name: "treats a startIndex below 1 as 1", params: new URLSearchParams("startIndex=0"), expected: { startIndex: 1 } },
    { name: "treats a negative startIndex as 1", params: new URLSearchParams("startIndex=-5"), expected: { startIndex: 1 } },
    { name: "treats a negative count as 0", params: new URLSearchParams("count=-1"), expected: { count: 0 } },
    { name: "caps count at the maximum", params: new URLSearchParams("count=1000"), expected: { count: 100 } },
    { name: "keeps a count of 0, which asks for totalResults only", params: new URLSearchParams("count=0"), expected: { count: 0 } },
    { name: "treats empty values as absent", params: new URLSearchParams("filter=&count=&startIndex="), expected: {} },
    { name: "matches parameter names case-insensitively", params: new URLSearchParams("StartIndex=3&COUNT=7&Filter=active eq true"), expected: { startIndex: 3, count: 7, filter: "active eq true" } },
    { name: "reads the sort parameters in any case", params: new URLSearchParams("sortBy=userName&sortOrder=Descending"), expected: { sortBy: "userName", sortOrder: "descending" } },
    {
      name: "splits the attribute lists",
      params: new URLSearchParams("attributes=userName,name.givenName&excludedAttributes=members"),
      expected: { attributes: ["userName", "name.givenName"], excludedAttributes: ["members"] },
    },
    {
      name: "reads a POST /.search body with JSON numbers and attribute arrays",
      params: { schemas: [SEARCH_REQUEST], filter: 'displayName sw "Ops"', startIndex: 11, count: 10, attributes: ["displayName"], excludedAttributes: "members" },
      expected: { filter: 'displayName sw "Ops"', startIndex: 11, count: 10, attributes: ["displayName"], excludedAttributes: ["members"] },
    },
  ];
  it.each(cases)("$name", ({ params, expected }) => {
    expect(parseListQuery(params, LIMITS)).toEqual({ ...DEFAULTS, ...expected });
  });

  it("uses a default count above the maximum only up to the maximum", () => {
    expect(parseListQuery(new URLSearchParams(), { maxCount: 10, defaultCount: 50 }).count).toBe(10);
  });

  const refusals = [
    { name: "refuses a non-numeric startIndex", params: new URLSearchParams("startIndex=abc"), detail: 'startIndex must be an integer; got "abc"' },
    { name: "refuses a fractional count", params: new URLSearchParams("count=1.5"), detail: 'count must be an integer; got "1.5"' },
    { name: "refuses a string count in a search body that is not a number", params: { count: "ten" }, detail: "count must be an integer" },
    { name: "refuses an unknown sortOrder", params: new URLSearchParams("sortOrder=up"), detail: 'sortOrder must be "ascending" or "descending"; got "up"' },
    { name: "refuses a filter that is not a string in a search body", params: { filter: 3 }, detail: "filter must be a string" },
    { name: "refuses attributes that are neither a string nor an array", params: { attributes: { a: 1 } }, detail: "attributes must be" },
  ];
  it.each(refusals)("$name", ({ params, detail }) => {
    let error: unknown;
    try {
      parseListQuery(params, LIMITS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect((error as ScimError).detail).toContain(detail);
  });
});
