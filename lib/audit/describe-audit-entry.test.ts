import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "./describe-audit-entry";

describe("describeAuditEntry", () => {
  it.each([
    [{ action: "member.role_changed", detail: { email: "x@a.test", from: "viewer", to: "admin" } }, "Changed the role of x@a.test from Viewer to Admin"],
    [{ action: "token.created", detail: { hint: "abc123", name: "Okta" } }, "Created a token ending …abc123 for Okta"],
    [{ action: "token.revoked", detail: {} }, "Revoked a token"],
    [{ action: "staff.action_submitted", detail: { path: "/settings/members" } }, "Submitted a form on /settings/members"],
    [{ action: "staff.token_minted", detail: { hint: "abc123", name: "Okta", reason: "Ticket 4711" } }, 'Minted a token ending …abc123 for Okta on request: "Ticket 4711"'],
    [{ action: "staff.people_searched", detail: { query: "ann@", matches: 1 } }, 'Searched people of every tenant for "ann@" (1 match here)'],
    [{ action: "integration.created", detail: { name: 42 } }, "Installed an integration"],
    [
      { action: "integration.retention_changed", detail: { name: "Okta", changes: { purgeDaysAfterDeletion: { from: null, to: 30 }, purgeDaysAfterDeactivation: { from: 7, to: null } } } },
      "Changed the retention policy of Okta: purge 30 days after deletion, no purge after deactivation",
    ],
    [{ action: "retention.purged", detail: { name: "Entra ID", rule: "deactivation", days: 1, personIds: ["x"] } }, "Permanently deleted 1 person under the retention policy of Entra ID: 1 day after deactivation"],
    [{ action: "integration.alerts_changed", detail: { name: "Entra ID" } }, "Changed the alert settings of Entra ID"],
    [
      { action: "integration.mass_change_confirmed", detail: { name: "Entra ID", pausedSince: "2026-12-01T10:00:00.000Z" } },
      "Confirmed the mass change by Entra ID, lifting the pause on its deactivations and deletions",
    ],
    [{ action: "integration.mass_change_confirmed", detail: { name: "Entra ID", pausedSince: null } }, "Confirmed the mass change by Entra ID"],
    [{ action: "something.unknown", detail: {} }, "something.unknown"],
  ])("describes %j in words", (entry, words) => {
    expect(describeAuditEntry(entry)).toBe(words);
  });
});
