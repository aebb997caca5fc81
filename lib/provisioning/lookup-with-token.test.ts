import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { at, provisionGroup, provisionUsers } from "@/lib/groups/testing";
import { peopleLookup } from "@/lib/people/filter-people";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { mintToken } from "@/lib/tokens/mint-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { authenticate } from "./authenticate";
import { readListQuery } from "./resource-endpoint";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

/**
 * A GET of Users or Groups by `attr eq "value"`, the lookup an identity provider sends before
 * a write, is read in the statement that checks the token (authenticate). These attack that
 * read as read-with-token.test.ts attacks the read of one resource: it finds nothing outside
 * the token's own integration, counts for nothing when the token is refused, and answers what
 * the lookup read on its own answers.
 */
let h: ScimHarness;
let userName: string;
let personOfA: string;
let groupOfA: string;

const lookupQuery = (filter: string, extra: Record<string, string> = {}) => new URLSearchParams({ filter, ...extra });
const byUserName = (name: string) => `userName eq "${name}"`;
const lookupPath = (installed: Installed, filter: string, extra: Record<string, string> = {}) =>
  at(installed, `Users?${lookupQuery(filter, extra)}`);

beforeAll(async () => {
  h = await createScimHarness();
  [personOfA] = await provisionUsers(h, h.a.entra, 1, "lookup-with-token");
  userName = (await h.scim("GET", at(h.a.entra, `Users/${personOfA}`))).body.userName;
  groupOfA = await provisionGroup(h, h.a.entra, "Lookup with token", [personOfA]);
});

afterAll(async () => {
  await h?.close();
});

describe("the lookup read with the token", () => {
  it("finds the person, with their groups, in the token's own integration", async () => {
    const query = readListQuery(lookupQuery(byUserName(userName.toUpperCase())));
    const authenticated = await authenticate(h.db, `Bearer ${h.a.entra.secret}`, h.a.entra.integration.appKey, peopleLookup(query));
    expect(authenticated.prefetched).toMatchObject({
      rows: [{ id: personOfA, related: [{ value: groupOfA, display: "Lookup with token" }] }],
    });

    const found = await h.scim("GET", lookupPath(h.a.entra, byUserName(userName.toUpperCase())));
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: personOfA, userName, groups: [{ value: groupOfA }] }] });
    // The resource as a GET of it renders it: the same meta, version and groups.
    expect(found.body.Resources[0]).toEqual((await h.scim("GET", at(h.a.entra, `Users/${personOfA}`))).body);
    const withoutGroups = await h.scim("GET", lookupPath(h.a.entra, byUserName(userName), { excludedAttributes: "groups" }));
    expect(withoutGroups.body.Resources).toHaveLength(1);
    expect(withoutGroups.body.Resources[0].groups).toBeUndefined();
  });

  it("is empty, not an error, when nothing matches", async () => {
    const query = readListQuery(lookupQuery(byUserName("nobody@example.com")));
    const authenticated = await authenticate(h.db, `Bearer ${h.a.entra.secret}`, h.a.entra.integration.appKey, peopleLookup(query));
    expect(authenticated.integration.id).toBe(h.a.entra.integration.id);
    expect(authenticated.prefetched).toMatchObject({ rows: [] });
    expect((await h.scim("GET", lookupPath(h.a.entra, byUserName("nobody@example.com")))).body).toMatchObject({ totalResults: 0 });
  });

  it("does not find another integration's person, of the same tenant or another", async () => {
    expect((await h.scim("GET", lookupPath(h.a.okta, byUserName(userName)))).body).toMatchObject({ totalResults: 0 });
    // Another tenant may hold the same userName: each integration finds its own.
    const created = await h.scim("POST", at(h.b.entra, "Users"), { body: { schemas: [USER_SCHEMA], userName } });
    expect(created.status).toBe(201);
    const ofB = await h.scim("GET", lookupPath(h.b.entra, byUserName(userName)));
    expect(ofB.body).toMatchObject({ totalResults: 1, Resources: [{ id: created.body.id }] });
    const ofA = await h.scim("GET", lookupPath(h.a.entra, byUserName(userName)));
    expect(ofA.body).toMatchObject({ totalResults: 1, Resources: [{ id: personOfA }] });
  });

  it("counts for nothing when the token is refused: revoked, expired, or of another URL", async () => {
    const scope = { tenantId: h.a.entra.integration.tenantId, integrationId: h.a.entra.integration.id };
    const revoked = await mintToken(h.db, scope);
    await revokeToken(h.db, null, { tokenId: revoked.token.id }, cliActor);
    const expired = await mintToken(h.db, { ...scope, expiresAt: new Date(Date.now() - 1_000) });
    for (const secret of [revoked.secret, expired.secret]) {
      const refused = await h.scim("GET", lookupPath(h.a.entra, byUserName(userName)), { headers: { authorization: `Bearer ${secret}` } });
      expect(refused.status).toBe(401);
      expect(refused.body.Resources).toBeUndefined();
    }
    const elsewhere = await h.scim("GET", lookupPath(h.a.entra, byUserName(userName)), { as: h.a.okta });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.Resources).toBeUndefined();
  });

  it("answers a page that the lookup does not fill, and a full one, as the general query does", async () => {
    const externalId = `shared-${Math.random().toString(36).slice(2, 8)}`;
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const body = { schemas: [USER_SCHEMA], userName: `${externalId}-${n}@example.com`, externalId };
      const created = await h.scim("POST", at(h.a.entra, "Users"), { body });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const all = await h.scim("GET", lookupPath(h.a.entra, `externalId eq "${externalId}"`));
    expect(all.body).toMatchObject({ totalResults: 2, itemsPerPage: 2 });
    expect(all.body.Resources.map((r: { id: string }) => r.id)).toEqual(ids);
    // One asked for, two match: the page is full, and the count is of every match.
    const first = await h.scim("GET", lookupPath(h.a.entra, `externalId eq "${externalId}"`, { count: "1" }));
    expect(first.body).toMatchObject({ totalResults: 2, itemsPerPage: 1, Resources: [{ id: ids[0] }] });
  });

  it("finds a group by displayName with the token, and only the token's integration's", async () => {
    const path = (installed: Installed) => at(installed, `Groups?${lookupQuery('displayName eq "lookup with token"', { excludedAttributes: "members" })}`);
    const found = await h.scim("GET", path(h.a.entra));
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: groupOfA }] });
    const one = await h.scim("GET", at(h.a.entra, `Groups/${groupOfA}?excludedAttributes=members`));
    expect(found.body.Resources[0]).toEqual(one.body);
    expect(one.body.meta).toMatchObject({ version: expect.stringMatching(/^W\/"\d+"$/), lastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((await h.scim("GET", path(h.a.okta))).body).toMatchObject({ totalResults: 0 });
  });

  it("leaves a query that does not parse to the endpoint's error", async () => {
    const bad = await h.scim("GET", lookupPath(h.a.entra, 'userName eq "unterminated'));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ scimType: "invalidFilter" });
    const badCount = await h.scim("GET", lookupPath(h.a.entra, byUserName(userName), { count: "many" }));
    expect(badCount.status).toBe(400);
  });
});
