import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "@/db/client";
import { groupMembers, groups, people, tenants } from "@/db/schema";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { ScimError } from "@/lib/scim/errors";
import { parseFilter } from "@/lib/scim/filter-parser";
import { filterToSql } from "@/lib/scim/filter-sql";
import { userFilterColumns } from "./user-filter-columns";
import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/schemas/urns";


let database: Database;
const ids: Record<string, string> = {};
const names = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDb();
  const { db } = database;
  const [tenant] = await db.insert(tenants).values({ slug: `t-${uniqueSuffix()}`, name: "Tenant" }).returning();
  const person = (
    key: string,
    row: Omit<typeof people.$inferInsert, "tenantId" | "resource">,
    resource: Record<string, unknown>,
  ) => ({ ...row, tenantId: tenant.id, resource: { userName: row.userName, ...resource }, key });
  const rows = [
    person(
      "ann",
      { userName: "Ann.Smith@Example.com", externalId: "EXT-1", givenName: "Ann", familyName: "Smith", displayName: "Ann Smith", updatedAt: new Date("2024-01-10T00:00:00Z") },
      {
        name: { givenName: "Ann", familyName: "Smith", formatted: "Ms. Ann Smith" },
        title: "Engineer",
        emails: [
          { value: "ann@example.com", type: "work", primary: true },
          { value: "ann@home.org", type: "home" },
        ],
        [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "100", department: "R&D", manager: { value: "mgr-1" } },
      },
    ),
    person(
      "bob",
      { userName: "bob_100%@example.com", active: false, updatedAt: new Date("2024-02-10T00:00:00Z") },
      { title: "", emails: [{ value: "BOB@Work.example.com", type: "work" }], [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "200" } },
    ),
    person("cyd", { userName: "cyd", updatedAt: new Date("2024-03-10T00:00:00Z") }, { phoneNumbers: "not an array" }),
    person("dan", { userName: "bob1002@example.com", updatedAt: new Date("2023-06-01T00:00:00Z") }, { emails: [] }),
  ];
  for (const { key, ...row } of rows) {
    const [inserted] = await db.insert(people).values(row).returning({ id: people.id });
    ids[key] = inserted.id;
    names.set(inserted.id, key);
  }
  const [engineering] = await db.insert(groups).values({ tenantId: tenant.id, displayName: "Engineering", resource: {} }).returning();
  ids.engineering = engineering.id;
  await db.insert(groupMembers).values([
    { tenantId: tenant.id, groupId: engineering.id, personId: ids.ann },
    { tenantId: tenant.id, groupId: engineering.id, personId: ids.bob },
  ]);
});

afterAll(async () => {
  await database?.close();
});

async function matching(filter: string): Promise<string[]> {
  const rows = await database.db
    .select({ id: people.id })
    .from(people)
    .where(filterToSql(parseFilter(filter), userFilterColumns));
  return rows.map((r) => names.get(r.id)!).sort();
}

describe("userFilterColumns against PostgreSQL", () => {
  it.each<[string, string, string[]]>([
    ["matches userName case-insensitively", 'userName eq "ANN.SMITH@example.COM"', ["ann"]],
    ["reads operators and attribute names in any case", 'USERNAME EQ "cyd"', ["cyd"]],
    ["accepts the core schema URN on userName", 'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "cyd"', ["cyd"]],
    ["treats % in a co value literally", 'userName co "100%"', ["bob"]],
    ["treats _ in a sw value literally", 'userName sw "bob_"', ["bob"]],
    ["treats % in an ew value literally", 'userName ew "0%@example.com"', ["bob"]],
    ["orders strings lexicographically", 'userName gt "c"', ["cyd"]],
    ["compares externalId case-sensitively", 'externalId eq "ext-1"', []],
    ["finds externalId written exactly", 'externalId eq "EXT-1"', ["ann"]],
    ["matches nothing for an id that is not a uuid", 'id eq "not-a-uuid"', []],
    ["filters on a boolean column", "active eq false", ["bob"]],
    ["matches a name column case-insensitively", 'name.familyName eq "SMITH"', ["ann"]],
    ["reads name.formatted from the resource", 'name.formatted co "ms."', ["ann"]],
    ["matches emails.value case-insensitively", 'emails.value eq "bob@work.example.com"', ["bob"]],
    ["compares emails without a sub-attribute by value", 'emails co "HOME.ORG"', ["ann"]],
    ["matches any email of a value path", 'emails[type eq "work" and value co "example.com"]', ["ann", "bob"]],
    ["requires both conditions on the same email", 'emails[type eq "home" and value co "example.com"]', []],
    ["filters emails by a boolean sub-attribute", "emails[primary eq true]", ["ann"]],
    ["treats an empty email list as absent", "emails pr", ["ann", "bob"]],
    ["treats a non-array value of a multi-valued attribute as empty", "phoneNumbers pr", []],
    ["does not count an empty string as present", "title pr", ["ann"]],
    ["matches title case-insensitively", 'title eq "engineer"', ["ann"]],
    ["matches ne only where a different value is present", 'title ne "engineer"', ["bob"]],
    ["includes absent values under not (eq)", 'not (title eq "engineer")', ["bob", "cyd", "dan"]],
    ["treats eq null as not present", "title eq null", ["bob", "cyd", "dan"]],
    ["treats ne null as present", "title ne null", ["ann"]],
    ["compares meta.lastModified as an instant", 'meta.lastModified gt "2024-02-01T00:00:00Z"', ["bob", "cyd"]],
    ["includes the boundary with ge and a zone offset", 'meta.lastModified ge "2024-02-10T01:00:00+01:00"', ["bob", "cyd"]],
    ["compares meta.created", 'meta.created lt "2000-01-01T00:00:00Z"', []],
    ["reads a URN-qualified enterprise attribute", `${ENTERPRISE_USER_SCHEMA}:employeeNumber eq "100"`, ["ann"]],
    ["reads an enterprise attribute without its URN", 'employeeNumber eq "200"', ["bob"]],
    ["reads the enterprise manager.value", `${ENTERPRISE_USER_SCHEMA}:manager.value eq "MGR-1"`, ["ann"]],
    ["reads the enterprise department", `${ENTERPRISE_USER_SCHEMA}:department sw "r&"`, ["ann"]],
    ["combines with or", 'userName eq "cyd" or active eq false', ["bob", "cyd"]],
    ["gives not precedence over and", 'not (active eq false) and userName sw "bob"', ["dan"]],
    ["matches nothing for a group value that is not a uuid", 'groups[value eq "Engineering"]', []],
  ])("%s", async (_, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it("finds a person by id, in any case", async () => {
    expect(await matching(`id eq "${ids.ann.toUpperCase()}"`)).toEqual(["ann"]);
  });

  it("finds the members of a group through groups.value", async () => {
    expect(await matching(`groups.value eq "${ids.engineering}"`)).toEqual(["ann", "bob"]);
    expect(await matching(`groups[value eq "${ids.engineering}"] and active eq true`)).toEqual(["ann"]);
    expect(await matching(`not (groups pr)`)).toEqual(["cyd", "dan"]);
  });

  it.each([
    ["an unknown attribute", 'foo eq "x"', /Unknown attribute "foo"/],
    ["an unknown sub-attribute of emails", 'emails.foo eq "x"', /Unknown attribute "emails.foo"/],
    ["an unknown sub-attribute in a value path", 'emails[foo eq "x"]', /Unknown attribute "emails.foo"/],
    ["an unknown schema URN", 'urn:example:custom:1.0:User:title eq "x"', /Unknown attribute "urn:example:custom:1.0:User:title"/],
    ["a complex attribute without sub-attribute", 'name eq "x"', /complex attribute/],
    ["a sub-attribute of a simple attribute", 'userName.first eq "x"', /has no sub-attribute/],
    ["a boolean compared with a string", 'active eq "false"', /boolean/],
    ["ordering a boolean", "active gt true", /only eq and ne/],
    ["a string compared with a number", "userName eq 1", /string/],
    ["a dateTime compared with a non-date", 'meta.lastModified gt "yesterday"', /xsd:dateTime/],
    ["co on a dateTime", 'meta.lastModified co "2024"', /xsd:dateTime|strings only/],
    ["gt null", "title gt null", /null/],
  ])("refuses %s with invalidFilter", (_, filter, message) => {
    let thrown: unknown;
    try {
      filterToSql(parseFilter(filter), userFilterColumns);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScimError);
    expect(thrown).toMatchObject({ status: 400, scimType: "invalidFilter" });
    expect((thrown as ScimError).detail).toMatch(message);
  });
});
