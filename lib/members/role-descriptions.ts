import { memberRoles, type MemberRole } from "@/db/schema";

const descriptions: Record<MemberRole, { label: string; article: string; can: string }> = {
  admin: { label: "Admin", article: "an admin", can: "manage integrations, members and people" },
  support: { label: "Support", article: "support", can: "deactivate, reactivate and delete people" },
  viewer: { label: "Viewer", article: "a viewer", can: "only look, not change anything" },
};

export type RoleChoice = { value: MemberRole; label: string; article: string; can: string };

/** The roles in the words the console and its emails use, in the order they are offered. */
export const roleChoices: RoleChoice[] = memberRoles.map((value) => ({ value, ...descriptions[value] }));

export function describeRole(role: MemberRole): RoleChoice {
  return { value: role, ...descriptions[role] };
}
