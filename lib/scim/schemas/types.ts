/**
 * Attribute characteristics as RFC 7643 section 7 defines them; the same shape is served
 * from /Schemas, so a definition here is what clients are told.
 */
export type AttributeType =
  | "string"
  | "boolean"
  | "decimal"
  | "integer"
  | "dateTime"
  | "reference"
  | "binary"
  | "complex";

export type AttributeDef = {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  returned: "always" | "never" | "default" | "request";
  uniqueness: "none" | "server" | "global";
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDef[];
};

export type SchemaDef = {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDef[];
};

/** A resource type's schemas: the core one and its extensions (RFC 7643 section 6). */
export type ResourceSchemas = {
  core: SchemaDef;
  extensions: SchemaDef[];
};
