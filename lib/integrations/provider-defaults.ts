import type { IntegrationSettings, Provider } from "@/db/schema";

export const providerLabels: Record<Provider, string> = {
  entra: "Microsoft Entra ID",
  okta: "Okta",
  generic: "Generic SCIM 2.0",
};

/**
 * New integrations start with groups on, identifiers as sent, soft delete, region "HQ", and
 * people of other integrations left alone (a 409 names who manages them).
 */
export function defaultSettings(): IntegrationSettings {
  return {
    groupsEnabled: true,
    lowercaseIdentifiers: false,
    coupleUserNameAndEmail: false,
    defaultRegion: "HQ",
    deleteMode: "soft",
    matchExisting: "refuse",
  };
}
