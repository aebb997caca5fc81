import { commonAttributes } from "./common-attributes";
import { defineAttribute } from "./define-attribute";
import type { SchemaDef } from "./types";
import { GROUP_SCHEMA } from "./urns";

/**
 * The core Group schema (RFC 7643 sections 4.2 and 8.7.1). displayName is required as the
 * section 4.2 text says ("REQUIRED"), although the section 8.7.1 listing says otherwise.
 * Members' sub-attributes are immutable (section 4.2); `display` is not in the 8.7.1 listing
 * but Entra and Okta send it and section 8.4's example returns it, so it is accepted.
 */
export const groupSchema: SchemaDef = {
  id: GROUP_SCHEMA,
  name: "Group",
  description: "Group",
  attributes: [
    ...commonAttributes,
    defineAttribute("displayName", "A human-readable name for the Group.", { required: true }),
    defineAttribute("members", "A list of members of the Group.", {
      type: "complex",
      multiValued: true,
      subAttributes: [
        defineAttribute("value", "Identifier of the member of this Group.", { mutability: "immutable" }),
        defineAttribute("$ref", "The URI corresponding to a SCIM resource that is a member of this Group.", {
          type: "reference",
          referenceTypes: ["User", "Group"],
          mutability: "immutable",
        }),
        defineAttribute("display", "A human-readable name for the member.", { mutability: "immutable" }),
        defineAttribute("type", "A label indicating the type of resource, e.g., 'User' or 'Group'.", {
          canonicalValues: ["User", "Group"],
          mutability: "immutable",
        }),
      ],
    }),
  ],
};
