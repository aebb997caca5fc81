import type { IntegrationSettings } from "@/db/schema";

/** What each behaviour setting does, said once for the admin's form and the read-only summary. */
export const settingDescriptions = {
  groupsEnabled: "Off: the Groups endpoints answer 501 and discovery omits Group, for apps that take users only.",
  lowercaseIdentifiers: "Store userName and email addresses in lower case, whatever case the identity provider sends.",
  coupleUserNameAndEmail: "An update of either userName or the primary email sets both to the same value.",
  defaultRegion: "The region new people are placed in. Empty: none.",
  deleteMode: "What a SCIM DELETE does to a person or group.",
  matchExisting:
    "Someone another integration already manages (same userName or primary email). Refuse: a 409 names that integration. Take over: they move here, to change identity provider.",
} satisfies Record<keyof IntegrationSettings, string>;
