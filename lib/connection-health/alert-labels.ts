/** Each alert state in words, for the banner, the alert history and the email's subject. */
export const alertLabels: Record<string, string> = {
  failing: "Failing",
  stale: "Stale",
  token_expiring: "Token expiring",
  expired: "Token expired",
  tripped: "Mass change",
  paused: "Deactivations and deletions paused",
};
