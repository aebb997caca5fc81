import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "@/db/client";
import { groupMembers, groups, people, tenants } from "@/db/schema";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { ScimError } from "@/lib/scim/errors";
import { parseFilter } from "@/lib/scim/filter-parser";
import { filterToSql } from "@/lib/scim/filter-sql";
import { groupFilterColumns } from "./group-filter-columns";

let database: Database;
const ids: Record<string, string> = {};
const names = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDb();
  const { db } = database;
  const [tenant] = await db.insert(tenants).values({ slug: `t-${uniqueSuffix()}`, name: "Tenant" }).returning();
  for (const userName of ["ann", "bob"]) {
    const [person] = await db.insert(people).values({ tenantId: tenant.id, userName, resource: { userName } }).returning();
    ids[userName] = person.id;
  }
  const rows = [
    { key: "engineering", displayName: "Engineering", externalId: "AAD-ENG", createdAt: new Date("2024-01-01T00:00:00Z") },
    { key: "sales", displayName: "Sales_EMEA", externalId: null, createdAt: new Date("2024-06-01T00:00:00Z") },
    { key: "empty", displayName: "Empty 100%", externalId: null, createdAt: new Date("2024-09-01T00:00:00Z") },
  ];
  for (const { key, ...row } of rows) {
    const [group] = await db.insert(groups).values({ ...row, tenantId: tenant.id, resource: {} }).returning();
    ids[key] = group.id;
    names.set(group.id, key);
  }
  await db.insert(groupMembers).values([
    { tenantId: tenant.id, groupId: ids.engineering, personId: ids.ann },
    { tenantId: tenant.id, groupId: ids.engineering, personId: ids.bob },
    { tenantId: tenant.id, groupId: ids.sales, personId: ids.bob },
  ]);
});

afterAll(async () => {
  await database?.close();
});

async function matching(filter: string): Promise<string[]> {
  const rows = await database.db
    .select({ id: groups.id })
    .from(groups)
    .where(filterToSql(parseFilter(filter), groupFilterColumns));
  return rows.map((r) => names.get(r.id)!).sort();
}

describe("groupFilterColumns against PostgreSQL", () => {
  it.each<[string, (ids: Record<string, string>) => string, string[]]>([
    ["matches displayName case-insensitively", () => 'displayName eq "ENGINEERING"', ["engineering"]],
    ["treats _ in a displayName sw value literally", () => 'displayName sw "sales_"', ["sales"]],
    ["treats % in a displayName ew value literally", () => 'displayName ew "0%"', ["empty"]],
    ["compares externalId case-sensitively", () => 'externalId eq "aad-eng"', []],
    ["finds a group by externalId", () => 'externalId eq "AAD-ENG"', ["engineering"]],
    [
      "answers Entra ID's membership check for a member",
      (ids) => `id eq "${ids.engineering}" and members[value eq "${ids.ann}"]`,
      ["engineering"],
    ],
    [
      "answers Entra ID's membership check for a non-member",
      (ids) => `id eq "${ids.sales}" and members[value eq "${ids.ann}"]`,
      [],
    ],
    ["finds groups of a member through members.value", (ids) => `members.value eq "${ids.bob}"`, ["engineering", "sales"]],
    ["compares members without a sub-attribute by value", (ids) => `members eq "${ids.ann}"`, ["engineering"]],
    ["reads a member id written in capitals", (ids) => `members[value eq "${ids.ann.toUpperCase()}"]`, ["engineering"]],
    ["matches nothing for a member value that is not a uuid", () => 'members[value eq "U"]', []],
    ["matches nothing for a group id that is not a uuid", () => 'id eq "G" and members[value eq "U"]', []],
    ["matches groups with some member under ne and a non-uuid", () => 'members.value ne "U"', ["engineering", "sales"]],
    ["finds groups with members", () => "members pr", ["engineering", "sales"]],
    ["finds groups without members", () => "not (members pr)", ["empty"]],
    ["compares meta.created as an instant", () => 'meta.created ge "2024-06-01T00:00:00Z"', ["empty", "sales"]],
    ["compares meta.lastModified", () => 'meta.lastModified pr', ["empty", "engineering", "sales"]],
    ["accepts the core Group schema URN", () => 'urn:ietf:params:scim:schemas:core:2.0:Group:displayName sw "s"', ["sales"]],
  ])("%s", async (_, filter, expected) => {
    expect(await matching(filter(ids))).toEqual(expected);
  });

  it.each([
    ["members.display, which is not stored", 'members.display eq "Ann"'],
    ["a User attribute", 'userName eq "x"'],
    ["the User schema URN", 'urn:ietf:params:scim:schemas:core:2.0:User:displayName eq "x"'],
  ])("refuses %s with invalidFilter", (_, filter) => {
    let thrown: unknown;
    try {
      filterToSql(parseFilter(filter), groupFilterColumns);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScimError);
    expect(thrown).toMatchObject({ status: 400, scimType: "invalidFilter" });
    expect((thrown as ScimError).detail).toMatch(/Unknown attribute/);
  });
});
