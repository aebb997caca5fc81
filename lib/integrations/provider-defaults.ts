import type { IntegrationSettings, Provider } from "@/db/schema";

export const providerLabels: Record<Provider, string> = {
  entra: "Microsoft Entra ID",
  okta: "Okta",
  generic: "Generic SCIM 2.0",
};

/**
 * New integrations start with groups on, soft delete, region "HQ" (TrackTik, seed 004), and
 * people of other integrations left alone (a 409 names who manages them). Okta's lowercase
 * emails and userNames, as Proxy's Okta app does ("the user email address will become lower
 * case", seed 003); the others keep identifiers as sent.
 */
export function defaultSettings(provider: Provider): IntegrationSettings {
  return {
    groupsEnabled: true,
    lowercaseIdentifiers: provider === "okta",
    coupleUserNameAndEmail: false,
    defaultRegion: "HQ",
    deleteMode: "soft",
    matchExisting: "refuse",
  };
}
