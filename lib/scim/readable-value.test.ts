import { describe, expect, it } from "vitest";
import { readableAddress, readableValue } from "./readable-value";

describe("readableValue", () => {
  it.each([
    ["nothing", undefined, "∅"],
    ["a boolean", false, "false"],
    ["an empty string", "", '""'],
    ["emails with type and primary", [{ value: "a@x.test", type: "work", primary: true }, { value: "b@x.test" }], "a@x.test (work, primary); b@x.test"],
    ["a reference by its display", { value: "g", display: "Sales" }, "Sales"],
    [
      "an address Entra sends, by its parts",
      { type: "work", streetAddress: "1 Microsoft Way", locality: "Redmond", region: "WA", postalCode: "98052", country: "US", primary: true },
      "1 Microsoft Way, Redmond, WA, 98052, US (work, primary)",
    ],
    ["an address with formatted, on one line", { formatted: "1 Main St\nSpringfield", type: "home" }, "1 Main St, Springfield (home)"],
    ["an unknown extension as key: value", { badge: "A-17", floor: 3, desk: { wing: "east" } }, "badge: A-17, floor: 3, desk: wing: east"],
    ["an empty object", {}, "{}"],
  ])("shows %s readably", (_name, value, text) => {
    expect(readableValue(value)).toBe(text);
  });

  it("has no address without any part", () => {
    expect(readableAddress({ type: "work" })).toBeNull();
  });
});
