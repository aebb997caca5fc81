import type { NewPerson } from "@/db/schema";

type Email = { value?: string; primary?: boolean };

/** The primary email, else the first one: what the console shows and searches. */
export function primaryEmailOf(resource: Record<string, unknown>): string | null {
  const emails = (Array.isArray(resource.emails) ? resource.emails : []) as Email[];
  return (emails.find((e) => e.primary === true) ?? emails[0])?.value ?? null;
}

/** The hot attributes of a User resource, copied into columns for filtering and display. */
export function personColumns(resource: Record<string, unknown>) {
  const name = (resource.name ?? {}) as { givenName?: string; familyName?: string };
  return {
    userName: resource.userName as string,
    externalId: (resource.externalId as string | undefined) ?? null,
    active: resource.active !== false,
    givenName: name.givenName ?? null,
    familyName: name.familyName ?? null,
    displayName: (resource.displayName as string | undefined) ?? null,
    primaryEmail: primaryEmailOf(resource),
  } satisfies Partial<NewPerson>;
}

/**
 * When a person became inactive, after a write that leaves them `active` or not: kept while
 * they stay inactive, set when they turn inactive, cleared when they are active again. Where
 * a retention policy's grace period after deactivation starts.
 */
export function deactivatedAtAfter(before: { active: boolean; deactivatedAt: Date | null } | null, active: boolean, now: Date): Date | null {
  if (active) return null;
  return before && !before.active && before.deactivatedAt ? before.deactivatedAt : now;
}
