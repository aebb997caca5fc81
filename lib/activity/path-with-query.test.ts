import { describe, expect, it } from "vitest";
import { pathWithQuery } from "./path-with-query";

describe("pathWithQuery", () => {
  const key = "3paqbvdkv7aj4rlouvxv";
  it.each([
    [{ path: `/${key}/Users`, query: "" }, {}, `/${key}/Users`],
    [{ path: `/${key}/Users`, query: "", integrationKey: key }, { belowTenantUrl: true }, "/Users"],
    [{ path: `/${key}`, query: "", integrationKey: key }, { belowTenantUrl: true }, "/"],
    [{ path: "/Users", query: "count=5", integrationKey: key }, { belowTenantUrl: true }, "/Users?count=5"],
    [{ path: `/${key}x/Users`, query: "", integrationKey: key }, { belowTenantUrl: true }, `/${key}x/Users`],
    [{ path: "/Users", query: "filter=userName+eq+%22a%40b.test%22" }, {}, '/Users?filter=userName eq "a@b.test"'],
    [{ path: "/Users", query: "filter=%E0%A4%A" }, {}, "/Users?filter=%E0%A4%A"],
  ])("shows %j as %s", (entry, options, shown) => {
    expect(pathWithQuery(entry, options)).toBe(shown);
  });
});
