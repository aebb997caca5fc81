import { commonAttributes } from "./common-attributes";
import { defineAttribute } from "./define-attribute";
import type { SchemaDef } from "./types";
import { GROUP_SCHEMA } from "./urns";

/**
 * The core Group schema (RFC 7643 sections 4.2 and 8.7.1). displayName is required as the
 * section 4.2 text says ("REQUIRED"), although the section 8.7.1 listing says otherwise.
 * A member's `value` and `$ref` are immutable (section 4.2). Its `display` (not in the 8.7.1
 * listing, but Entra and Okta send it and section 8.4's example returns it) and `type` are
 * readOnly: the server writes them from the member's current displayName and resource type,
 * so what a client sends for them is ignored, as RFC 7644 section 3.3 says of readOnly input.
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
        defineAttribute("display", "A human-readable name for the member, set by the service provider from the member's displayName.", {
          mutability: "readOnly",
        }),
        defineAttribute("type", "A label indicating the type of resource, set by the service provider: members are Users.", {
          canonicalValues: ["User", "Group"],
          mutability: "readOnly",
        }),
      ],
    }),
  ],
};
