import { defineAttribute } from "./define-attribute";
import type { SchemaDef } from "./types";
import { ENTERPRISE_USER_SCHEMA } from "./urns";

/** The Enterprise User extension (RFC 7643 sections 4.3 and 8.7.1). */
export const enterpriseUserSchema: SchemaDef = {
  id: ENTERPRISE_USER_SCHEMA,
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: [
    defineAttribute("employeeNumber", "Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization."),
    defineAttribute("costCenter", "Identifies the name of a cost center."),
    defineAttribute("organization", "Identifies the name of an organization."),
    defineAttribute("division", "Identifies the name of a division."),
    defineAttribute("department", "Identifies the name of a department."),
    defineAttribute("manager", "The User's manager.", {
      type: "complex",
      subAttributes: [
        defineAttribute("value", "The id of the SCIM resource representing the User's manager."),
        defineAttribute("$ref", "The URI of the SCIM resource representing the User's manager.", {
          type: "reference",
          referenceTypes: ["User"],
        }),
        defineAttribute("displayName", "The displayName of the User's manager.", {
          mutability: "readOnly",
        }),
      ],
    }),
  ],
};
