import type { FieldChange } from "@/db/schema";
import { readableValue } from "@/lib/scim/readable-value";
import { isManagerPath, managerReferenceOf } from "./manager-references";
import { groupEventActions, membershipActions, personEventActions, type GroupEventAction, type PersonEventAction } from "./history-actions";

const personSentences: Record<PersonEventAction, string> = {
  created: "was provisioned",
  updated: "was updated",
  deactivated: "was deactivated",
  reactivated: "was reactivated",
  deleted: "was deleted (data retained)",
  deleted_hard: "was deleted permanently",
  purged: "was permanently deleted: their personal data was removed",
  taken_over: "moved to another integration",
  joined_role: "joined a role",
  left_role: "left a role",
};

const groupSentences: Record<GroupEventAction, string> = {
  created: "was provisioned",
  renamed: "was renamed",
  updated: "was updated",
  deleted: "was deleted",
  deleted_hard: "was deleted permanently",
  member_added: "gained a member",
  member_removed: "lost a member",
};

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The display of a membership change's reference, `{ value, display }`. */
function displayOf(value: unknown): string | null {
  if (value && typeof value === "object" && "display" in value && typeof value.display === "string") return value.display;
  return null;
}

/**
 * An event as a sentence about its subject ("Ada Lovelace was deactivated", "joined the role
 * Sales"). Membership events name the other side from the recorded change.
 */
export function describeEvent(subjectType: "person" | "group", action: string, changes: FieldChange[], subjectName: string): string {
  const side = changes[0]?.after ?? changes[0]?.before;
  const other = displayOf(side);
  if (other && (action === "joined_role" || action === "left_role")) {
    return `${subjectName} ${action === "joined_role" ? "joined" : "left"} the role ${other}`;
  }
  if (other && (action === "member_added" || action === "member_removed")) {
    return action === "member_added" ? `${other} was added to ${subjectName}` : `${other} was removed from ${subjectName}`;
  }
  const move = action === "taken_over" ? changes.find((c) => c.path === "integration") : undefined;
  if (move) return `${subjectName} is now managed by ${String(move.after)}, previously ${String(move.before)}`;
  const sentence =
    subjectType === "person"
      ? isOneOf(personEventActions, action) && personSentences[action]
      : isOneOf(groupEventActions, action) && groupSentences[action];
  // A stored action this code does not know (written by a newer version) still reads.
  return sentence ? `${subjectName} ${sentence}` : `${subjectName}: ${action.replaceAll("_", " ")}`;
}

const ENTERPRISE_PREFIX = /^urn:ietf:params:scim:schemas:extension:enterprise:2\.0:user:/i;

/** A change's path as an admin reads it: the enterprise extension URN shortened. */
export function readablePath(path: string): string {
  return path.replace(ENTERPRISE_PREFIX, "enterprise.");
}

/** A History entry ready to show: its sentence and each change as readable text. */
export type HistoryItem = {
  id: number;
  sentence: string;
  actorLabel: string;
  actorType: "integration" | "console_user" | "system";
  requestId: string | null;
  /** Why a console user acted, as they typed it. */
  reason: string | null;
  createdAt: Date;
  /** Membership events say everything in their sentence, so they list no changes. */
  changes: HistoryChange[];
};

/** One field's before and after as text; a value naming one of the tenant's people links to them. */
export type HistoryChange = { path: string; before: string | null; after: string | null; beforeHref?: string; afterHref?: string };

/** Someone a recorded value refers to (a manager), by that reference. */
export type KnownPeople = ReadonlyMap<string, { id: string; name: string }>;

function changeOf(change: FieldChange, people: KnownPeople): HistoryChange {
  const side = (value: unknown): { text: string | null; href?: string } => {
    if (value === undefined) return { text: null };
    const reference = isManagerPath(change.path) ? managerReferenceOf(value) : null;
    const person = reference ? people.get(reference) : undefined;
    return person ? { text: person.name, href: `/people/${person.id}` } : { text: readableValue(value) };
  };
  const before = side(change.before);
  const after = side(change.after);
  return { path: readablePath(change.path), before: before.text, after: after.text, beforeHref: before.href, afterHref: after.href };
}


export function describeHistory(
  entries: { id: number; action: string; changes: FieldChange[]; actorLabel: string; actorType: HistoryItem["actorType"]; requestId: string | null; reason?: string | null; createdAt: Date }[],
  subjectType: "person" | "group",
  subjectName: string,
  /** People that manager references in these events point at (see managerReferences). */
  people: KnownPeople = new Map(),
): HistoryItem[] {
  return entries.map((entry) => ({
    id: entry.id,
    sentence: describeEvent(subjectType, entry.action, entry.changes, subjectName),
    actorLabel: entry.actorLabel,
    actorType: entry.actorType,
    requestId: entry.requestId,
    reason: entry.reason ?? null,
    createdAt: entry.createdAt,
    changes: isOneOf(membershipActions, entry.action)
      ? []
      : entry.changes.map((change) => changeOf(change, people)),
  }));
}
