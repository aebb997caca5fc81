import type { GroupEventAction, PersonEventAction } from "@/lib/history/history-actions";

/** What the feed and webhooks tell a target app: a closed list, as issue 14 names them. */
export const changeEventTypes = [
  "person.created",
  "person.updated",
  "person.deactivated",
  "person.reactivated",
  "person.deleted",
  "person.purged",
  "role.created",
  "role.updated",
  "role.deleted",
  "role.member_added",
  "role.member_removed",
  "integration.state_changed",
] as const;
export type ChangeEventType = (typeof changeEventTypes)[number];

/**
 * The outbox event each History entry makes, or null. A membership change is recorded in
 * History on both sides (the role gained a member, the person joined the role); the outbox
 * keeps one event per change, the role's. A take-over moves a person to another
 * integration: to the target app that is an update (of `integrationId`).
 */
export const changeEventOfHistory: {
  person: Record<PersonEventAction, ChangeEventType | null>;
  group: Record<GroupEventAction, ChangeEventType | null>;
} = {
  person: {
    created: "person.created",
    updated: "person.updated",
    taken_over: "person.updated",
    deactivated: "person.deactivated",
    reactivated: "person.reactivated",
    deleted: "person.deleted",
    deleted_hard: "person.deleted",
    purged: "person.purged",
    joined_role: null,
    left_role: null,
  },
  group: {
    created: "role.created",
    renamed: "role.updated",
    updated: "role.updated",
    deleted: "role.deleted",
    deleted_hard: "role.deleted",
    member_added: "role.member_added",
    member_removed: "role.member_removed",
  },
};

/** Types whose data carries the changed fields' previous values. */
export const typesWithPrevious: readonly ChangeEventType[] = ["person.updated", "person.deactivated", "person.reactivated", "role.updated"];
