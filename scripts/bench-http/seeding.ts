/**
 * What the benchmark sends and what it seeds. Bodies are Microsoft Entra ID's (see
 * lib/scim/fixtures/entra.ts); seeded rows are inserted set-based (generate_series), in
 * exactly the shape POST /Users and POST /Groups store for those bodies (seeding.test.ts
 * compares them), so the benchmark measures the server, not its own setup. Seeded person n
 * has userName user<n>@bench.test, externalId ext-<n> and an id derived from the tenant and
 * n, so scenarios pick existing people without reading them back.
 */
import { createHash } from "node:crypto";
import { isUuid } from "@/lib/is-uuid";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export type Scope = { tenantId: string; integrationId: string };

export const userNameOf = (n: number) => `user${n}@bench.test`;
export const externalIdOf = (n: number) => `ext-${n}`;

/** Entra's "Create User" body, as sent on POST /Users. */
export function entraUser(userName: string, externalId: string, n: number): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    externalId,
    userName,
    active: true,
    emails: [{ primary: true, type: "work", value: userName }],
    meta: { resourceType: "User" },
    name: { formatted: `Given${n} Family${n}`, familyName: `Family${n}`, givenName: `Given${n}` },
    roles: [],
  };
}

/** Entra's "Create Group" body: no members, those follow in PATCHes. */
export function entraGroup(displayName: string, externalId: string): Record<string, unknown> {
  return { schemas: [GROUP_SCHEMA, "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"], externalId, displayName, meta: { resourceType: "Group" } };
}

/** Entra's "Update Group [Add Members]" / "[Remove Members]" body. */
export function memberPatch(op: "Add" | "Remove", personIds: string[]): Record<string, unknown> {
  return { schemas: [PATCH_SCHEMA], Operations: [{ op, path: "members", value: personIds.map((value) => ({ $ref: null, value })) }] };
}

/** Entra's "Requests made to disable users" body (the boolean as a string, without the flag). */
export function activePatch(active: boolean): Record<string, unknown> {
  return { schemas: [PATCH_SCHEMA], Operations: [{ op: "Replace", path: "active", value: active ? "True" : "False" }] };
}

/** A UUID (version 4 in form) from a key: md5, with the version and variant digits set. */
function derivedUuid(key: string): string {
  const h = createHash("md5").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/** The same derivation in SQL, of a text expression. */
const derivedUuidSql = (key: string) =>
  `(select (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12))::uuid from md5(${key}) as h)`;

export const seededPersonId = (tenantId: string, n: number) => derivedUuid(`${tenantId}:person:${n}`);
export const seededGroupId = (tenantId: string, name: string) => derivedUuid(`${tenantId}:group:${name}`);

function checked(scope: Scope): Scope {
  if (!isUuid(scope.tenantId) || !isUuid(scope.integrationId)) throw new Error(`not a tenant and integration id: ${JSON.stringify(scope)}`);
  return scope;
}

function range(from: number, to: number): [number, number] {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < from) throw new Error(`bad range ${from}..${to}`);
  return [from, to];
}

/**
 * People from..to (inclusive), as POST /Users stores entraUser(userNameOf(n), externalIdOf(n), n):
 * the enterprise schema URN with no attributes, meta and the empty roles are not kept; the
 * region is the integration's default. One statement per `perStatement` people: the app's
 * connections stop any statement after 60 s (db/client.ts), and 900,000 people in one took
 * 165 s on this machine.
 */
export function seedPeopleSql(scope: Scope, from: number, to: number, perStatement = 50_000): string[] {
  const { tenantId, integrationId } = checked(scope);
  const [first, last] = range(from, to);
  if (!Number.isSafeInteger(perStatement) || perStatement < 1) throw new Error(`bad chunk size ${perStatement}`);
  const userName = `'user' || n || '@bench.test'`;
  const statements: string[] = [];
  for (let start = first; start <= last; start += perStatement) {
    statements.push(`
    insert into people (id, tenant_id, integration_id, user_name, external_id, active, given_name, family_name, display_name, primary_email, region, resource)
    select ${derivedUuidSql(`'${tenantId}:person:' || n`)}, '${tenantId}', '${integrationId}', ${userName}, 'ext-' || n, true, 'Given' || n, 'Family' || n, null, ${userName},
      (select nullif(settings->>'defaultRegion', '') from integrations where id = '${integrationId}'),
      jsonb_build_object(
        'schemas', jsonb_build_array('${USER_SCHEMA}'),
        'userName', ${userName}, 'externalId', 'ext-' || n, 'active', true,
        'name', jsonb_build_object('formatted', 'Given' || n || ' Family' || n, 'givenName', 'Given' || n, 'familyName', 'Family' || n),
        'emails', jsonb_build_array(jsonb_build_object('type', 'work', 'value', ${userName}, 'primary', true)))
    from generate_series(${start}, ${Math.min(last, start + perStatement - 1)}) as n`);
  }
  return statements;
}

/** A group as POST /Groups stores entraGroup(name, "ext-" + name), with seeded people from..to as members. */
export function seedGroupSql(scope: Scope, name: string, members: [number, number][]): string[] {
  const { tenantId, integrationId } = checked(scope);
  if (!/^[\w-]+$/.test(name)) throw new Error(`bad group name ${name}`);
  const groupId = seededGroupId(tenantId, name);
  return [
    `insert into groups (id, tenant_id, integration_id, display_name, external_id, resource)
     values ('${groupId}', '${tenantId}', '${integrationId}', '${name}', 'ext-${name}',
       jsonb_build_object('schemas', jsonb_build_array('${GROUP_SCHEMA}'), 'externalId', 'ext-${name}', 'displayName', '${name}'))`,
    ...members.map(([from, to]) => {
      const [first, last] = range(from, to);
      return `insert into group_members (group_id, person_id, tenant_id)
        select '${groupId}', ${derivedUuidSql(`'${tenantId}:person:' || n`)}, '${tenantId}' from generate_series(${first}, ${last}) as n`;
    }),
  ];
}

/**
 * After a bulk insert, the state autovacuum reaches within a minute on a live database:
 * fresh statistics, so the planner does not plan for an empty table, and the visibility
 * map, without which an index-only scan (a SCIM page, its count) reads every row's page.
 */
export const vacuumAnalyzeSql = "vacuum analyze people, groups, group_members";
