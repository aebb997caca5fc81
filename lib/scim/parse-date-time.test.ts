import { describe, expect, it } from "vitest";
import { parseDateTime } from "./parse-date-time";

describe("parseDateTime", () => {
  it.each([
    ["2011-05-13T04:42:34Z", Date.UTC(2011, 4, 13, 4, 42, 34), "2011-05-13T04:42:34Z"],
    ["2011-05-13T06:42:34+02:00", Date.UTC(2011, 4, 13, 4, 42, 34), "2011-05-13T06:42:34+02:00"],
    ["2011-05-13T00:00:00-05:30", Date.UTC(2011, 4, 13, 5, 30), "2011-05-13T00:00:00-05:30"],
    ["2011-05-13T04:42:34.5Z", Date.UTC(2011, 4, 13, 4, 42, 34, 500), "2011-05-13T04:42:34.5Z"],
    ["2011-05-13T04:42:34", Date.UTC(2011, 4, 13, 4, 42, 34), "2011-05-13T04:42:34Z"],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29), "2024-02-29T00:00:00Z"],
    ["0001-01-01T00:00:00Z", -62135596800000, "0001-01-01T00:00:00Z"],
    ["0050-03-01T00:00:00+01:00", -60584202000000, "0050-03-01T00:00:00+01:00"],
  ])("reads %s as an instant", (text, epochMs, normalised) => {
    expect(parseDateTime(text)).toEqual({ epochMs, text: normalised });
  });

  it("keeps microseconds so that they still order instants", () => {
    const a = parseDateTime("2011-05-13T04:42:34.123456Z")!;
    const b = parseDateTime("2011-05-13T04:42:34.123457Z")!;
    expect(a.epochMs).toBeLessThan(b.epochMs);
  });

  it.each([
    "0000-01-01T00:00:00Z",
    "2011-05-13",
    "2011-05-13 04:42:34Z",
    "2011-13-01T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2011-05-32T00:00:00Z",
    "2011-05-13T24:00:00Z",
    "2011-05-13T04:42:34+15:00",
    "yesterday",
    "",
  ])("refuses %s", (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });
});
