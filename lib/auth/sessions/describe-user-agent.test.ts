import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./describe-user-agent";

const cases = [
  { ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", expected: "Edge on Windows" },
  { ua: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", expected: "Safari on macOS" },
  { ua: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1", expected: "Chrome on iOS" },
  { ua: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", expected: "Firefox on Linux" },
  { ua: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36", expected: "Chrome on Android" },
  { ua: "curl/8.5.0", expected: "curl/8.5.0" },
  { ua: null, expected: "Unknown device" },
];

describe("describeUserAgent", () => {
  it.each(cases)("names $expected", ({ ua, expected }) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });
});
