import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * How the attributes of one resource type are stored, for `filterToSql`: every attribute a
 * filter may name maps to a column, a jsonb value inside the stored resource, or a
 * multi-valued attribute filtered through an EXISTS subquery. An attribute missing here is
 * refused with invalidFilter, never ignored.
 */
export type FilterColumns = {
  /** The core schema URN, which may qualify core attribute names (RFC 7644 section 3.10). */
  schema: string;
  /** Core attributes (and `id`, `externalId`, `meta`), by name; names compare case-insensitively. */
  attributes: Record<string, AttributeTarget>;
  /** Extension attributes by schema URN, then by name. */
  extensions?: Record<string, Record<string, AttributeTarget>>;
};

export type AttributeTarget = ScalarTarget | ComplexTarget | MultiValuedTarget;

/** RFC 7643 section 2.3 data types a filter can compare. */
export type ScalarType = "string" | "boolean" | "dateTime" | "integer" | "decimal";

export type ScalarTarget =
  | {
      kind: "column";
      column: AnyColumn | SQL;
      type: ScalarType;
      /** RFC 7643 section 2.4; false compares with lower() on both sides. */
      caseExact: boolean;
      /** A uuid column: a value that is not a uuid matches nothing instead of failing the cast. */
      uuid?: boolean;
    }
  | {
      kind: "json";
      /** A jsonb expression, e.g. `resource->'title'`; compared through its text (`#>> '{}'`). */
      json: SQL;
      type: "string" | "boolean";
      caseExact: boolean;
    };

/** A single-valued complex attribute (`name`, `meta`, the enterprise `manager`). */
export type ComplexTarget = { kind: "complex"; subAttributes: Record<string, ScalarTarget> };

/** A multi-valued attribute: `exists` turns a condition on one value into an EXISTS subquery. */
export type MultiValuedTarget = {
  kind: "multiValued";
  exists: (condition: SQL) => SQL;
  subAttributes: Record<string, ScalarTarget>;
};

type ScalarOptions = { caseExact?: boolean; uuid?: boolean };

export function column(target: AnyColumn | SQL, type: ScalarType, options: ScalarOptions = {}): ScalarTarget {
  return { kind: "column", column: target, type, caseExact: options.caseExact ?? false, ...(options.uuid ? { uuid: true } : {}) };
}

/** A jsonb member of the stored resource, e.g. `jsonAttribute(jsonPath(people.resource, "title"))`. */
export function jsonAttribute(json: SQL, type: "string" | "boolean" = "string", caseExact = false): ScalarTarget {
  return { kind: "json", json, type, caseExact };
}

/**
 * `base->'key1'->'key2'`. Keys are written as SQL literals, not parameters, so the expression
 * can match an expression index; they are schema constants, checked to hold no quote.
 */
export function jsonPath(base: AnyColumn | SQL, ...keys: string[]): SQL {
  return keys.reduce<SQL>((json, key) => sql`${json}->${jsonKey(key)}`, sql`${base}`);
}

export function complex(subAttributes: Record<string, ScalarTarget>): ComplexTarget {
  return { kind: "complex", subAttributes };
}

/** Sub-attributes of the values of a jsonb array: name -> [type, caseExact]. */
export type JsonItemAttributes = Record<string, ["string" | "boolean", boolean]>;

const ITEM = sql.raw("scim_item.item");

/**
 * A multi-valued attribute stored as a jsonb array inside the resource (`emails`): a filter on
 * it is `exists (select 1 from jsonb_array_elements(...) as scim_item(item) where ...)`. A
 * value that is not an array (absent, null) has no items rather than failing the query.
 */
export function jsonArray(array: SQL, subAttributes: JsonItemAttributes): MultiValuedTarget {
  const items = sql`jsonb_array_elements(case when jsonb_typeof(${array}) = 'array' then ${array} else '[]'::jsonb end)`;
  return {
    kind: "multiValued",
    exists: (condition) => sql`exists (select 1 from ${items} as scim_item(item) where ${condition})`,
    subAttributes: Object.fromEntries(
      Object.entries(subAttributes).map(([name, [type, caseExact]]) => [
        name,
        jsonAttribute(jsonPath(ITEM, name), type, caseExact),
      ]),
    ),
  };
}

function jsonKey(key: string): SQL {
  if (!/^[A-Za-z0-9:._$-]+$/.test(key)) throw new Error(`Unsafe jsonb key in a filter column map: ${key}`);
  return sql.raw(`'${key}'`);
}
