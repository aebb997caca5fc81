import type { RetentionPolicy } from "@/lib/integrations/set-retention-policy";

/** What each retention rule does, said once for the admin's form and the read-only summary. */
export const retentionDescriptions = {
  purgeDaysAfterDeletion: "People the identity provider deleted are permanently deleted this many days later. Empty: kept until support deletes them.",
  purgeDaysAfterDeactivation:
    "Inactive people are permanently deleted this many days after they became inactive, deleted since or not; reactivating them first cancels it. Empty: never.",
} satisfies Record<keyof RetentionPolicy, string>;
