import type { FieldChange } from "@/db/schema";

/** The enterprise manager's path as History records it: `…:User:manager` or `…:User:manager.value`. */
const MANAGER_PATH = /(^|:)manager(\.value)?$/i;

export function isManagerPath(path: string): boolean {
  return MANAGER_PATH.test(path);
}

/** The reference a recorded manager value holds: a bare id (Entra) or `{ value }`. */
export function managerReferenceOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim() ? value : null;
  if (value && typeof value === "object" && "value" in value && typeof value.value === "string") return value.value.trim() ? value.value : null;
  return null;
}

/** Every manager reference in these events' diffs, to look the people up in one query. */
export function managerReferences(entries: { changes: FieldChange[] }[]): string[] {
  const references = new Set<string>();
  for (const entry of entries) {
    for (const change of entry.changes) {
      if (!isManagerPath(change.path)) continue;
      for (const value of [change.before, change.after]) {
        const reference = managerReferenceOf(value);
        if (reference) references.add(reference);
      }
    }
  }
  return [...references];
}
