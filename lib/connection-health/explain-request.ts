import { isFailedRequest } from "@/lib/activity/request-outcome";

/** What an admin should make of a failed request, keyed by the 401 details of lib/provisioning/authenticate.ts. */
const authExplanations: [RegExp, string][] = [
  [/^Authorization header missing/, "No token was sent: paste the Secret Token into your identity provider."],
  [/^Authorization must be/, "The token was sent in a form we do not accept: Entra sends Bearer, Okta HTTP Basic with the app key."],
  [/^The token is not valid or has been revoked/, "Wrong token: it is not one of this integration's live tokens. Paste the Secret Token again, or create a new one."],
  [/^The token has expired/, "The token has expired: create a new one and paste it into your identity provider."],
  [/^The app key does not match the token/, "The app key (Okta's username) belongs to another integration than the token."],
  [/^The token belongs to another integration/, "The token belongs to another integration: each integration has its own Tenant URL and tokens, so pair them as shown on its page."],
  [/^The integration is disabled/, "This integration is disabled: enable it on this page to accept its tokens again."],
];

/** Why a logged request failed, in words an admin can act on; null when it did not fail. */
export function explainRequest(row: { method: string; path: string; status: number; detail: string | null; scimType: string | null }): string | null {
  if (!isFailedRequest(row)) return null;
  if (row.status === 401) {
    const known = authExplanations.find(([pattern]) => pattern.test(row.detail ?? ""));
    if (known) return known[1];
  }
  if (row.status === 409 && row.detail?.startsWith("Deactivations and deletions from this integration are paused")) {
    return "The mass-change guard paused deactivations and deletions: confirm them on this page to let them through.";
  }
  if (row.status === 429) return "Too many requests: the identity provider was asked to slow down and retries by itself.";
  return row.detail ?? `Answered ${row.status}${row.scimType ? ` (${row.scimType})` : ""}.`;
}
