import type { AttributeDef } from "./types";

type AttributeOptions = Partial<Omit<AttributeDef, "name" | "description">>;

/**
 * An attribute definition with the defaults of RFC 7643 section 2.2: not required, not
 * multi-valued, case-insensitive, readWrite, returned by default, no uniqueness; type string.
 */
export function defineAttribute(
  name: string,
  description: string,
  options: AttributeOptions = {},
): AttributeDef {
  return {
    name,
    type: "string",
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...options,
  };
}

/**
 * The usual sub-attributes of a multi-valued attribute (RFC 7643 section 2.4): value,
 * display, type (with its canonical values) and primary.
 */
export function multiValuedSubAttributes(
  valueDef: AttributeDef,
  typeCanonicalValues: string[] | undefined,
): AttributeDef[] {
  return [
    valueDef,
    defineAttribute("display", "A human-readable name, primarily used for display purposes."),
    defineAttribute("type", "A label indicating the attribute's function.", {
      ...(typeCanonicalValues ? { canonicalValues: typeCanonicalValues } : {}),
    }),
    defineAttribute(
      "primary",
      "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.",
      { type: "boolean" },
    ),
  ];
}
