const labels: Record<string, string> = {
  failing: "Failing",
  stale: "Stale",
  token_expiring: "Token expiring",
  expired: "Token expired",
  tripped: "Mass change",
  paused: "Deactivations and deletions paused",
};

/** An alert state in words, for the banner, the alert history and the email's subject; null is a cleared alert. */
export function alertLabel(state: string | null): string {
  return state === null ? "Cleared" : (labels[state] ?? state.replaceAll("_", " "));
}
