import { defineAttribute } from "./define-attribute";
import type { AttributeDef } from "./types";

/**
 * The common attributes of every resource (RFC 7643 section 3.1). They belong to no schema,
 * but listing them in the core schema lets filters, PATCH and projection resolve `id`,
 * `externalId` and `meta.lastModified` like any other attribute; section 3.1 lets a schema
 * list them and says these characteristics take precedence.
 */
export const commonAttributes: AttributeDef[] = [
  defineAttribute("id", "A unique identifier for a SCIM resource as defined by the service provider.", {
    caseExact: true,
    mutability: "readOnly",
    returned: "always",
    uniqueness: "server",
  }),
  defineAttribute(
    "externalId",
    "A String that is an identifier for the resource as defined by the provisioning client.",
    { caseExact: true },
  ),
  defineAttribute("meta", "A complex attribute containing resource metadata.", {
    type: "complex",
    mutability: "readOnly",
    subAttributes: [
      defineAttribute("resourceType", "The name of the resource type of the resource.", {
        caseExact: true,
        mutability: "readOnly",
      }),
      defineAttribute("created", "The DateTime that the resource was added to the service provider.", {
        type: "dateTime",
        mutability: "readOnly",
      }),
      defineAttribute("lastModified", "The most recent DateTime that the details of this resource were updated.", {
        type: "dateTime",
        mutability: "readOnly",
      }),
      defineAttribute("location", "The URI of the resource being returned.", {
        type: "reference",
        referenceTypes: ["uri"],
        caseExact: true,
        mutability: "readOnly",
      }),
      defineAttribute("version", "The version of the resource being returned.", {
        caseExact: true,
        mutability: "readOnly",
      }),
    ],
  }),
];

const commonNames = new Set(commonAttributes.map((a) => a.name.toLowerCase()));

/** True for `id`, `externalId` and `meta` (any case). */
export function isCommonAttribute(name: string): boolean {
  return commonNames.has(name.toLowerCase());
}
