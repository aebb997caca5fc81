import type { Provider } from "@/db/schema";

/** What the marketplace says about each app, and how its identity provider authenticates. */
export const marketplaceApps: { provider: Provider; name: string; description: string; signIn: string; features: string[] }[] = [
  {
    provider: "entra",
    name: "Microsoft Entra ID",
    description: "Provision users and groups from Entra ID (formerly Azure AD).",
    signIn: "Tenant URL and Secret Token",
    features: ["Create, update and deactivate users", "Groups and memberships", "Entra’s RFC-compliant PATCH (aadOptscim062020)"],
  },
  {
    provider: "okta",
    name: "Okta",
    description: "Push users, deactivations and groups from Okta.",
    signIn: "Base URL, app key and secret key",
    features: ["Create, update and deactivate users", "Push groups and memberships", "HTTP Basic or Bearer token"],
  },
  {
    provider: "generic",
    name: "Generic SCIM 2.0",
    description: "Any SCIM 2.0 client, such as your own scripts.",
    signIn: "Tenant URL and Bearer token",
    features: ["Users and Groups endpoints", "Filters, PATCH and paging", "Discovery documents"],
  },
];
