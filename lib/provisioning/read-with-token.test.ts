import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { actionsOf, at, patchBody, provisionGroup, provisionUsers } from "@/lib/groups/testing";
import { setIntegrationStatus } from "@/lib/integrations/set-integration-status";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { mintToken } from "@/lib/tokens/mint-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { createScimHarness, type ScimHarness } from "./testing";

/**
 * A PATCH or PUT of a User, and a GET or PATCH of a Group, read their resource in the
 * statement that checks the token (authenticate). These attack that read: it must find
 * nothing outside the token's own integration, and count for nothing when the token is refused.
 */
let h: ScimHarness;
let personOfA: string;
let groupOfA: string;

const deactivate = patchBody({ op: "replace", path: "active", value: false });
const rename = patchBody({ op: "replace", path: "displayName", value: "Taken over" });

beforeAll(async () => {
  h = await createScimHarness();
  [personOfA] = await provisionUsers(h, h.a.entra, 1, "read-with-token");
  groupOfA = await provisionGroup(h, h.a.entra, "Read with token");
});

afterAll(async () => {
  await h?.close();
});

async function expectUntouched() {
  const person = await h.scim("GET", at(h.a.entra, `Users/${personOfA}`));
  expect(person.body).toMatchObject({ active: true, meta: { version: 'W/"1"' } });
  expect(await actionsOf(h.db, personOfA, "person")).toEqual(["created"]);
  const group = await h.scim("GET", at(h.a.entra, `Groups/${groupOfA}`));
  expect(group.body).toMatchObject({ displayName: "Read with token", meta: { version: 'W/"1"' } });
  expect(await actionsOf(h.db, groupOfA)).toEqual(["created"]);
}

describe("the resource read with the token", () => {
  it("is not found through another integration, of the same tenant or another", async () => {
    for (const other of [h.a.okta, h.b.entra]) {
      expect((await h.scim("PATCH", at(other, `Users/${personOfA}`), { body: deactivate })).status).toBe(404);
      const put = await h.scim("PUT", at(other, `Users/${personOfA}`), { body: { schemas: [USER_SCHEMA], userName: "taken@over.example" } });
      expect(put.status).toBe(404);
      expect((await h.scim("GET", at(other, `Groups/${groupOfA}`))).status).toBe(404);
      expect((await h.scim("PATCH", at(other, `Groups/${groupOfA}`), { body: rename })).status).toBe(404);
    }
    await expectUntouched();
  });

  it("counts for nothing when the token is refused: revoked, expired, of a disabled integration, or of another URL", async () => {
    const scope = { tenantId: h.a.entra.integration.tenantId, integrationId: h.a.entra.integration.id };
    const revoked = await mintToken(h.db, scope);
    await revokeToken(h.db, null, { tokenId: revoked.token.id }, cliActor);
    const expired = await mintToken(h.db, { ...scope, expiresAt: new Date(Date.now() - 1_000) });
    const bearers = [revoked.secret, expired.secret].map((secret) => ({ authorization: `Bearer ${secret}` }));
    for (const headers of bearers) {
      expect((await h.scim("PATCH", at(h.a.entra, `Users/${personOfA}`), { headers, body: deactivate })).status).toBe(401);
      expect((await h.scim("PATCH", at(h.a.entra, `Groups/${groupOfA}`), { headers, body: rename })).status).toBe(401);
      expect((await h.scim("GET", at(h.a.entra, `Groups/${groupOfA}`), { headers })).status).toBe(401);
    }
    // Another integration's valid token, sent to this integration's URL.
    expect((await h.scim("PATCH", at(h.a.entra, `Users/${personOfA}`), { as: h.a.okta, body: deactivate })).status).toBe(401);
    expect((await h.scim("PATCH", at(h.a.entra, `Groups/${groupOfA}`), { as: h.b.entra, body: rename })).status).toBe(401);

    await setIntegrationStatus(h.db, null, { integrationId: h.a.entra.integration.id, status: "disabled" }, cliActor);
    try {
      expect((await h.scim("PATCH", at(h.a.entra, `Users/${personOfA}`), { body: deactivate })).status).toBe(401);
      expect((await h.scim("PATCH", at(h.a.entra, `Groups/${groupOfA}`), { body: rename })).status).toBe(401);
    } finally {
      await setIntegrationStatus(h.db, null, { integrationId: h.a.entra.integration.id, status: "active" }, cliActor);
    }
    await expectUntouched();
  });

  it("answers 404 for a deleted resource, an unknown id and a malformed one", async () => {
    const [gone] = await provisionUsers(h, h.a.entra, 1, "read-with-token-gone");
    expect((await h.scim("DELETE", at(h.a.entra, `Users/${gone}`))).status).toBe(204);
    const ids = [gone, "00000000-0000-4000-8000-000000000000", "not-a-uuid"];
    for (const id of ids) {
      expect((await h.scim("PATCH", at(h.a.entra, `Users/${id}`), { body: deactivate })).status).toBe(404);
      expect((await h.scim("GET", at(h.a.entra, `Groups/${id}`))).status).toBe(404);
      expect((await h.scim("PATCH", at(h.a.entra, `Groups/${id}`), { body: rename })).status).toBe(404);
    }
  });

  it("still answers If-Match: a PATCH naming an older version is refused, the current one applies", async () => {
    const [person] = await provisionUsers(h, h.a.entra, 1, "read-with-token-if-match");
    const retitle = (title: string) => patchBody({ op: "replace", path: "title", value: title });
    expect((await h.scim("PATCH", at(h.a.entra, `Users/${person}`), { body: retitle("First") })).status).toBe(204);
    const stale = await h.scim("PATCH", at(h.a.entra, `Users/${person}`), { headers: { "if-match": 'W/"1"' }, body: retitle("Stale") });
    expect(stale.status).toBe(412);
    const current = await h.scim("PATCH", at(h.a.entra, `Users/${person}`), { headers: { "if-match": 'W/"2"' }, body: retitle("Second") });
    expect(current.status).toBe(204);
    expect((await h.scim("GET", at(h.a.entra, `Users/${person}`))).body).toMatchObject({ title: "Second", meta: { version: 'W/"3"' } });
  });

  it("is the row as it was read: each PATCH of a run applies to the one before it", async () => {
    const [person] = await provisionUsers(h, h.a.entra, 1, "read-with-token-run");
    for (const active of [false, true, false]) {
      const patched = await h.patchAndRead(at(h.a.entra, `Users/${person}`), { body: patchBody({ op: "replace", path: "active", value: active }) });
      expect(patched.status).toBe(204);
      expect(patched.body.active).toBe(active);
    }
    expect(await actionsOf(h.db, person, "person")).toEqual(["created", "deactivated", "reactivated", "deactivated"]);
  });
});
