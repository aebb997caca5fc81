import { describe, expect, it } from "vitest";
import { connectionState, type ConnectionFacts } from "./connection-state";

const now = new Date("2026-06-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const daysAhead = (d: number) => new Date(now.getTime() + d * 86_400_000);

/** An Entra integration that has provisioned before and made one quiet request ten minutes ago. */
function facts(overrides: Partial<ConnectionFacts> = {}): ConnectionFacts {
  return {
    provider: "entra",
    status: "active",
    latestTokenExpiry: null,
    liveTokens: 1,
    firstSuccessAt: minutesAgo(600),
    firstSuccessWasProbe: true,
    lastRequestAt: minutesAgo(10),
    lastSuccessAt: minutesAgo(10),
    lastFailureAt: null,
    lastWriteAt: minutesAgo(300),
    hour: { requests: 1, failures: 0, writes: 0 },
    topReasons: [],
    ...overrides,
  };
}
const never = { firstSuccessAt: null, lastRequestAt: null, lastSuccessAt: null, lastWriteAt: null, hour: { requests: 0, failures: 0, writes: 0 } };

describe("connectionState", () => {
  it.each<[string, Partial<ConnectionFacts>, string]>([
    ["a fresh integration with no request is waiting", never, "waiting"],
    ["only failures so far, too few to be failing, is still waiting", { ...never, lastRequestAt: null, lastFailureAt: minutesAgo(1), hour: { requests: 2, failures: 2, writes: 0 } }, "waiting"],
    ["a probe answered and no write yet is connected", { lastWriteAt: null }, "connected"],
    ["an Okta first call answered and no write is connected", { provider: "okta", lastWriteAt: null, firstSuccessWasProbe: false }, "connected"],
    ["writes in the last hour are provisioning", { hour: { requests: 5, failures: 0, writes: 3 } }, "provisioning"],
    ["a healthy quiet integration is idle", {}, "idle"],
    ["Entra silent for more than two 40-minute cycles is stale", { lastRequestAt: minutesAgo(81), hour: { requests: 0, failures: 0, writes: 0 } }, "stale"],
    ["Entra silent for exactly two cycles is not stale yet", { lastRequestAt: minutesAgo(80), hour: { requests: 0, failures: 0, writes: 0 } }, "idle"],
    ["Okta has no cycle, so a silent day is idle, not stale", { provider: "okta", lastRequestAt: minutesAgo(24 * 60), hour: { requests: 0, failures: 0, writes: 0 } }, "idle"],
    ["more than 40% failed with three failures is failing", { hour: { requests: 7, failures: 3, writes: 1 } }, "failing"],
    ["exactly 40% failed is not failing", { hour: { requests: 10, failures: 4, writes: 2 } }, "provisioning"],
    ["two failures out of two are a blip, not failing", { hour: { requests: 2, failures: 2, writes: 0 } }, "idle"],
    ["failures before the first success count as failing", { ...never, lastFailureAt: minutesAgo(1), hour: { requests: 3, failures: 3, writes: 0 } }, "failing"],
    ["a disabled integration is disabled whatever else", { status: "disabled", hour: { requests: 9, failures: 9, writes: 0 } }, "disabled"],
    ["every live token expired is expired", { latestTokenExpiry: minutesAgo(1) }, "expired"],
    ["expired outranks failing", { latestTokenExpiry: minutesAgo(1), hour: { requests: 5, failures: 5, writes: 0 } }, "expired"],
    ["a last token within 14 days of expiry is token_expiring", { latestTokenExpiry: daysAhead(14) }, "token_expiring"],
    ["a token 15 days from expiry is fine", { latestTokenExpiry: daysAhead(15) }, "idle"],
    ["failing outranks token_expiring", { latestTokenExpiry: daysAhead(3), hour: { requests: 3, failures: 3, writes: 0 } }, "failing"],
    ["token_expiring outranks stale", { latestTokenExpiry: daysAhead(3), lastRequestAt: minutesAgo(200) }, "token_expiring"],
    ["no live token at all is not expired, just waiting", { ...never, liveTokens: 0, latestTokenExpiry: null }, "waiting"],
  ])("%s", (_name, overrides, state) => {
    expect(connectionState(facts(overrides), now).state).toBe(state);
  });

  it("moves from idle to stale as the clock passes two Entra cycles", () => {
    const quiet = facts({ lastRequestAt: now, hour: { requests: 0, failures: 0, writes: 0 } });
    expect(connectionState(quiet, new Date(now.getTime() + 80 * 60_000)).state).toBe("idle");
    expect(connectionState(quiet, new Date(now.getTime() + 81 * 60_000)).state).toBe("stale");
  });

  it("counts days to expiry up, so a token expiring in 1.5 days says 2 days", () => {
    expect(connectionState(facts({ latestTokenExpiry: daysAhead(1.5) }), now).summary).toContain("expires in 2 days");
  });

  it("names the top reasons when failing", () => {
    const health = connectionState(
      facts({ hour: { requests: 4, failures: 4, writes: 0 }, topReasons: [{ status: 401, reason: "The token is not valid or has been revoked", count: 4 }] }),
      now,
    );
    expect(health.summary).toBe('100% of 4 requests in the last hour failed. Top reasons: "401 The token is not valid or has been revoked".');
    expect(health.failureRate).toBe(1);
  });

  it("says Entra's quarantine arithmetic in words below and above 40%", () => {
    expect(connectionState(facts({ hour: { requests: 50, failures: 19, writes: 10 } }), now).quarantine).toBe(
      "38% of requests in the last hour failed; Entra quarantines a job above 40%.",
    );
    expect(connectionState(facts({ hour: { requests: 10, failures: 5, writes: 0 } }), now).quarantine).toMatch(/^50% .* above 40%, so it may already be quarantined/);
  });

  it("has no quarantine arithmetic for Okta or without failures", () => {
    expect(connectionState(facts({ provider: "okta", hour: { requests: 10, failures: 5, writes: 0 } }), now).quarantine).toBeNull();
    expect(connectionState(facts(), now).quarantine).toBeNull();
  });

  it("says the probe was recognised when connected by Entra's Test Connection", () => {
    expect(connectionState(facts({ lastWriteAt: null }), now).summary).toContain("Test Connection probe was recognised and answered 200");
  });
});
