/**
 * Every History event's action, per subject: a closed list, so a typo is a type error, not a
 * new kind of event (as lib/audit/audit-actions.ts does for the audit log).
 */
export const personEventActions = [
  "created",
  "updated",
  "deactivated",
  "reactivated",
  "deleted",
  "deleted_hard",
  "purged",
  "taken_over",
  "joined_role",
  "left_role",
] as const;

export const groupEventActions = ["created", "renamed", "updated", "deleted", "deleted_hard", "member_added", "member_removed"] as const;

export type PersonEventAction = (typeof personEventActions)[number];
export type GroupEventAction = (typeof groupEventActions)[number];
export type HistoryAction = PersonEventAction | GroupEventAction;

/** Membership events say everything in their sentence: the other side is in the change. */
export const membershipActions = ["joined_role", "left_role", "member_added", "member_removed"] as const satisfies readonly HistoryAction[];
