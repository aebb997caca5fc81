import { sql } from "drizzle-orm";
import { boolean, jsonb, PgDialect, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { column, complex, jsonArray, jsonAttribute, jsonPath } from "./filter-columns";
import { parseFilter } from "./filter-parser";
import { type FilterColumns, filterToSql } from "./filter-sql";

// A table of this test only: the translation is checked as SQL text and parameters here;
// the people and groups maps run the same translation against PostgreSQL in their own tests.
const things = pgTable("things", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  code: text("code"),
  enabled: boolean("enabled").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  resource: jsonb("resource").notNull(),
});

const columns: FilterColumns = {
  schema: "urn:example:schemas:Thing",
  attributes: {
    id: column(things.id, "string", { uuid: true }),
    name: column(things.name, "string"),
    code: column(things.code, "string", { caseExact: true }),
    enabled: column(things.enabled, "boolean"),
    note: jsonAttribute(jsonPath(things.resource, "note")),
    tags: jsonArray(jsonPath(things.resource, "tags"), { value: ["string", false], primary: ["boolean", false] }),
    meta: complex({ lastModified: column(things.updatedAt, "dateTime") }),
    parts: {
      kind: "multiValued",
      exists: (condition) => sql`exists (select 1 from parts where parts.thing_id = ${things.id} and ${condition})`,
      subAttributes: { value: column(sql`parts.id`, "string", { uuid: true }) },
    },
  },
  extensions: { "urn:example:schemas:Extra": { level: jsonAttribute(jsonPath(things.resource, "urn:example:schemas:Extra", "level")) } },
};

const dialect = new PgDialect();
const toQuery = (filter: string) => dialect.sqlToQuery(filterToSql(parseFilter(filter), columns));
const UUID = "0b7e1c9a-7e0e-4d8e-9c3e-2f1d7c4b5a69";

describe("filterToSql", () => {
  it.each<[string, string, string, unknown[]]>([
    ["compares caseExact=false strings with lower() on both sides", 'name eq "A"', `(lower("things"."name") = lower($1))`, ["A"]],
    ["compares caseExact strings as they are", 'code eq "A"', `("things"."code" = $1)`, ["A"]],
    ["uses ILIKE with escaped wildcards for co", String.raw`name co "5%_\\x"`, `("things"."name" ilike $1 escape '\\')`, [String.raw`%5\%\_\\x%`]],
    ["uses LIKE for a caseExact sw", 'code sw "a_"', `("things"."code" like $1 escape '\\')`, [String.raw`a\_%`]],
    ["anchors ew at the end", 'code ew "z"', `("things"."code" like $1 escape '\\')`, ["%z"]],
    ["orders strings by code point", 'name gt "m"', `(lower("things"."name") collate "C" > lower($1))`, ["m"]],
    ["casts a dateTime value to timestamptz", 'meta.lastModified le "2024-01-01T00:00:00Z"', `("things"."updated_at" <= $1::timestamptz)`, ["2024-01-01T00:00:00Z"]],
    ["gives a zone-less dateTime the UTC zone", 'meta.lastModified lt "2024-01-01T00:00:00"', `("things"."updated_at" < $1::timestamptz)`, ["2024-01-01T00:00:00Z"]],
    ["binds a boolean", "enabled ne true", `("things"."enabled" <> $1)`, [true]],
    ["compares a valid uuid natively", `id eq "${UUID.toUpperCase()}"`, `("things"."id" = $1::uuid)`, [UUID]],
    ["turns eq with a non-uuid into false", 'id eq "x"', "false", []],
    ["turns ne with a non-uuid into a presence test", 'id ne "x"', `("things"."id" is not null)`, []],
    ["compares a uuid as text for sw", 'id sw "0B7E"', `("things"."id"::text ilike $1 escape '\\')`, ["0B7E%"]],
    ["reads a jsonb attribute as text", 'note eq "n"', `(lower(("things"."resource"->'note' #>> '{}')) = lower($1))`, ["n"]],
    ["reads an extension attribute under its URN key", 'urn:example:schemas:Extra:level eq "1"', `(lower(("things"."resource"->'urn:example:schemas:Extra'->'level' #>> '{}')) = lower($1))`, ["1"]],
    ["tests a jsonb attribute for presence", "note pr", `coalesce("things"."resource"->'note' not in ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb), false)`, []],
    ["tests a string column for presence", "code pr", `("things"."code" is not null and "things"."code" <> '')`, []],
    ["negates with NULL taken as false", 'not (code eq "a")', `(not coalesce(("things"."code" = $1), false))`, ["a"]],
    ["turns eq null into not present", "code eq null", `(not coalesce(("things"."code" is not null and "things"."code" <> ''), false))`, []],
    ["flattens and chains", 'code eq "a" and code eq "b" and code eq "c"', `(("things"."code" = $1) and ("things"."code" = $2) and ("things"."code" = $3))`, ["a", "b", "c"]],
    ["keeps or below and", 'code eq "a" or code eq "b" and code eq "c"', `(("things"."code" = $1) or (("things"."code" = $2) and ("things"."code" = $3)))`, ["a", "b", "c"]],
    ["compares a jsonb boolean by its text", "tags[primary eq true]", `exists (select 1 from jsonb_array_elements(case when jsonb_typeof("things"."resource"->'tags') = 'array' then "things"."resource"->'tags' else '[]'::jsonb end) as scim_item(item) where ((scim_item.item->'primary' #>> '{}') = $1))`, ["true"]],
    ["filters a table-backed multi-valued attribute through EXISTS", `parts[value eq "${UUID}"]`, `exists (select 1 from parts where parts.thing_id = "things"."id" and (parts.id = $1::uuid))`, [UUID]],
    ["tests a multi-valued attribute for any value", "parts pr", `exists (select 1 from parts where parts.thing_id = "things"."id" and true)`, []],
  ])("%s", (_, filter, expectedSql, params) => {
    const { sql: text, params: bound } = toQuery(filter);
    expect({ text, bound }).toEqual({ text: expectedSql, bound: params });
  });

  it("never writes a client's value into the SQL text", () => {
    const hostile = `x'); drop table things; --`;
    for (const op of ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]) {
      const query = toQuery(`name ${op} "${hostile}" or note ${op} "${hostile}" or tags[value ${op} "${hostile}"]`);
      expect(query.sql).not.toContain("drop table");
      expect(query.params.every((p) => typeof p === "string" && p.includes("drop table"))).toBe(true);
    }
  });

  it.each([
    ["an unknown attribute", 'color eq "red"', /Unknown attribute "color" in filter/],
    ["an unknown schema", 'urn:example:schemas:Other:name eq "x"', /Unknown attribute "urn:example:schemas:Other:name"/],
    ["an extension attribute under the core URN", 'urn:example:schemas:Thing:level eq "1"', /Unknown attribute/],
    ["an unknown sub-attribute of a multi-valued attribute", 'tags.kind eq "x"', /Unknown attribute "tags.kind"/],
    ["a complex attribute without a sub-attribute", "meta eq 1", /complex attribute/],
    ["a value path on a simple attribute", 'name[value eq "x"]', /no sub-attributes/],
    ["a qualified path inside a value path", 'tags[tags.value eq "x"]', /must be a sub-attribute name/],
    ["a dateTime compared with a number", "meta.lastModified gt 5", /xsd:dateTime/],
    ["a boolean compared with null ordering", "enabled lt null", /null/],
    ["co with a number on a string", "name co 5", /string/],
    ["sw on a boolean", "enabled sw true", /only eq and ne/],
  ])("refuses %s with invalidFilter", (_, filter, message) => {
    let thrown: unknown;
    try {
      toQuery(filter);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScimError);
    expect(thrown).toMatchObject({ status: 400, scimType: "invalidFilter" });
    expect((thrown as ScimError).detail).toMatch(message);
  });
});
