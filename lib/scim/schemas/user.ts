import { commonAttributes } from "./common-attributes";
import { defineAttribute, multiValuedSubAttributes } from "./define-attribute";
import type { AttributeDef, SchemaDef } from "./types";
import { USER_SCHEMA } from "./urns";

/** A multi-valued complex attribute with value/display/type/primary (RFC 7643 section 2.4). */
function multiValued(
  name: string,
  description: string,
  value: AttributeDef,
  typeCanonicalValues?: string[],
): AttributeDef {
  return defineAttribute(name, description, {
    type: "complex",
    multiValued: true,
    subAttributes: multiValuedSubAttributes(value, typeCanonicalValues),
  });
}

const value = (description: string, options: Partial<AttributeDef> = {}) =>
  defineAttribute("value", description, options);

const name = defineAttribute("name", "The components of the user's real name.", {
  type: "complex",
  subAttributes: [
    defineAttribute("formatted", "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display."),
    defineAttribute("familyName", "The family name of the User, or last name in most Western languages."),
    defineAttribute("givenName", "The given name of the User, or first name in most Western languages."),
    defineAttribute("middleName", "The middle name(s) of the User."),
    defineAttribute("honorificPrefix", "The honorific prefix(es) of the User, or title in most Western languages."),
    defineAttribute("honorificSuffix", "The honorific suffix(es) of the User, or suffix in most Western languages."),
  ],
});

/**
 * RFC 7643 section 4.1.2 describes `primary` for addresses and the section 8.2 example uses
 * it, although the section 8.7.1 schema omits it (an acknowledged erratum); we keep it.
 */
const addresses = defineAttribute("addresses", "A physical mailing address for this User.", {
  type: "complex",
  multiValued: true,
  subAttributes: [
    defineAttribute("formatted", "The full mailing address, formatted for display or use with a mailing label."),
    defineAttribute("streetAddress", "The full street address component."),
    defineAttribute("locality", "The city or locality component."),
    defineAttribute("region", "The state or region component."),
    defineAttribute("postalCode", "The zip code or postal code component."),
    defineAttribute("country", "The country name component, in ISO 3166-1 alpha-2 format."),
    defineAttribute("type", "A label indicating the attribute's function.", {
      canonicalValues: ["work", "home", "other"],
    }),
    defineAttribute("primary", "A Boolean value indicating the 'primary' or preferred address.", {
      type: "boolean",
    }),
  ],
});

/** `groups` is readOnly: membership changes go through the Group resource (RFC 7643 section 4.1.2). */
const groups = defineAttribute("groups", "A list of groups to which the user belongs.", {
  type: "complex",
  multiValued: true,
  mutability: "readOnly",
  subAttributes: [
    defineAttribute("value", "The identifier of the User's group.", { mutability: "readOnly" }),
    defineAttribute("$ref", "The URI of the corresponding 'Group' resource.", {
      type: "reference",
      referenceTypes: ["User", "Group"],
      mutability: "readOnly",
    }),
    defineAttribute("display", "A human-readable name, primarily used for display purposes.", {
      mutability: "readOnly",
    }),
    defineAttribute("type", "A label indicating the attribute's function.", {
      canonicalValues: ["direct", "indirect"],
      mutability: "readOnly",
    }),
  ],
});

/** The core User schema, attribute by attribute as RFC 7643 sections 4.1 and 8.7.1 define it. */
export const userSchema: SchemaDef = {
  id: USER_SCHEMA,
  name: "User",
  description: "User Account",
  attributes: [
    ...commonAttributes,
    defineAttribute("userName", "Unique identifier for the User, typically used by the user to directly authenticate to the service provider.", {
      required: true,
      uniqueness: "server",
    }),
    name,
    defineAttribute("displayName", "The name of the User, suitable for display to end-users."),
    defineAttribute("nickName", "The casual way to address the user in real life."),
    defineAttribute("profileUrl", "A fully qualified URL pointing to a page representing the User's online profile.", {
      type: "reference",
      referenceTypes: ["external"],
    }),
    defineAttribute("title", "The user's title, such as \"Vice President\"."),
    defineAttribute("userType", "Used to identify the relationship between the organization and the user."),
    defineAttribute("preferredLanguage", "Indicates the User's preferred written or spoken language."),
    defineAttribute("locale", "Used to indicate the User's default location for purposes of localizing items."),
    defineAttribute("timezone", "The User's time zone in the 'Olson' time zone database format."),
    defineAttribute("active", "A Boolean value indicating the User's administrative status.", {
      type: "boolean",
    }),
    defineAttribute("password", "The User's cleartext password.", {
      mutability: "writeOnly",
      returned: "never",
    }),
    multiValued("emails", "Email addresses for the user.", value("Email addresses for the user."), [
      "work",
      "home",
      "other",
    ]),
    multiValued("phoneNumbers", "Phone numbers for the User.", value("Phone number of the User."), [
      "work",
      "home",
      "mobile",
      "fax",
      "pager",
      "other",
    ]),
    multiValued("ims", "Instant messaging addresses for the User.", value("Instant messaging address for the User."), [
      "aim",
      "gtalk",
      "icq",
      "xmpp",
      "msn",
      "skype",
      "qq",
      "yahoo",
    ]),
    multiValued(
      "photos",
      "URLs of photos of the User.",
      value("URL of a photo of the User.", { type: "reference", referenceTypes: ["external"] }),
      ["photo", "thumbnail"],
    ),
    addresses,
    groups,
    multiValued("entitlements", "A list of entitlements for the User that represent a thing the User has.", value("The value of an entitlement.")),
    multiValued("roles", "A list of roles for the User that collectively represent who the User is.", value("The value of a role.")),
    multiValued(
      "x509Certificates",
      "A list of certificates issued to the User.",
      value("The value of an X.509 certificate.", { type: "binary" }),
    ),
  ],
};
