/** The two rules of a retention policy: what the grace period counts from. */
export const retentionRules = ["deletion", "deactivation"] as const;
export type RetentionRule = (typeof retentionRules)[number];

/** One rule as the console says it: "30 days after deletion". */
export function describeRetentionRule(days: number, rule: RetentionRule): string {
  return `${days} ${days === 1 ? "day" : "days"} after ${rule}`;
}
