import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const cases: { name: string; forwardedFor?: string; trusted?: number; expected: string | null }[] = [
  { name: "trusts no header when TRUST_PROXY is unset", forwardedFor: "203.0.113.9", expected: null },
  { name: "takes the entry the one trusted proxy appended", forwardedFor: "198.51.100.1, 203.0.113.9", trusted: 1, expected: "203.0.113.9" },
  { name: "counts back as many entries as there are trusted proxies", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.2", trusted: 2, expected: "203.0.113.9" },
  { name: "unwraps an IPv4-mapped IPv6 address", forwardedFor: "::ffff:203.0.113.9", trusted: 1, expected: "203.0.113.9" },
  { name: "keeps an IPv6 address", forwardedFor: "2001:db8::1", trusted: 1, expected: "2001:db8::1" },
  { name: "refuses what is not an address", forwardedFor: "evil; drop table", trusted: 1, expected: null },
  { name: "knows nothing when fewer entries came than proxies are trusted", forwardedFor: "203.0.113.9", trusted: 2, expected: null },
  { name: "knows nothing without the header", trusted: 1, expected: null },
];

describe("clientAddress", () => {
  it.each(cases)("$name", ({ forwardedFor, trusted, expected }) => {
    const headers = new Headers(forwardedFor ? { "x-forwarded-for": forwardedFor } : {});
    expect(clientAddress(headers, trusted)).toBe(expected);
  });
});
