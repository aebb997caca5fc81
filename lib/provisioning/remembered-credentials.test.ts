import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { people, scimRequests, tokens } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { actionsOf, at } from "@/lib/groups/testing";
import { setIntegrationStatus } from "@/lib/integrations/set-integration-status";
import { updateIntegrationSettings } from "@/lib/integrations/update-integration-settings";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { findTokenBySecret } from "@/lib/tokens/find-token-by-secret";
import { hashSecret } from "@/lib/tokens/mint-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { authenticate } from "./authenticate";
import { createScimHarness, type Installed, type ScimHarness } from "./testing";

/**
 * A POST of a User starts on the credentials this process last read for its secret, and its
 * INSERT confirms them (lib/tokens/remembered-credentials.ts). These attack that: a token
 * revoked, expired or moved to a disabled integration, or settings changed, since the memory
 * was made must count as they would have if the token had been read, and nothing be written.
 */
let h: ScimHarness;

// Watched, not replaced: which requests read their token from the database.
vi.mock("@/lib/tokens/find-token-by-secret", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/tokens/find-token-by-secret")>();
  return { ...actual, findTokenBySecret: vi.fn(actual.findTokenBySecret) };
});
const tokenReads = () => vi.mocked(findTokenBySecret).mock.calls.length;

beforeAll(async () => {
  h = await createScimHarness();
});

afterAll(async () => {
  await h?.close();
});

const newUser = (userName: string) => ({ schemas: [USER_SCHEMA], userName });
const post = (installed: Installed, body: unknown) => h.scim("POST", at(installed, "Users"), { as: installed, body });
const lookUp = (installed: Installed, userName: string) =>
  h.scim("GET", at(installed, `Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`), { as: installed });

/**
 * A fresh integration of tenant a, its credentials remembered by a lookup, as Entra sends
 * before a POST, and remembered as they are now: the first request notes the token's and the
 * integration's first use, which changes both rows after they were read.
 */
async function remembered(): Promise<Installed> {
  const installed = await h.install(h.a.tenant, "entra");
  for (let i = 0; i < 2; i++) expect((await lookUp(installed, "nobody@example.com")).status).toBe(200);
  const authenticated = await authenticate(h.db, `Bearer ${installed.secret}`, installed.integration.appKey, undefined, { remembered: true });
  const current = await findTokenBySecret(h.db, hashSecret(installed.secret));
  expect(authenticated.unconfirmed).toEqual({ secretHash: hashSecret(installed.secret), version: current!.version, confirmed: false });
  return installed;
}

async function peopleNamed(userName: string) {
  return h.db.select({ id: people.id, region: people.region, userName: people.userName }).from(people).where(sql`lower(${people.userName}) = ${userName.toLowerCase()}`);
}

async function logOf(requestId: string) {
  const [row] = await h.db.select().from(scimRequests).where(eq(scimRequests.requestId, requestId));
  return row;
}

describe("a POST of a User on remembered credentials", () => {
  it("creates the person, confirmed in the INSERT, and is logged under its token", async () => {
    const installed = await remembered();
    const reads = tokenReads();
    const created = await post(installed, newUser("remembered@example.com"));
    expect(created.status).toBe(201);
    expect(tokenReads()).toBe(reads);
    expect(await peopleNamed("remembered@example.com")).toHaveLength(1);
    expect(await actionsOf(h.db, created.body.id, "person")).toEqual(["created"]);
    const log = await logOf(created.headers.get("x-request-id")!);
    expect(log).toMatchObject({ status: 201, authenticated: true, integrationId: installed.integration.id });
  });

  it("answers 401 and writes nothing when the token was revoked since, whatever the body", async () => {
    const installed = await remembered();
    const [token] = await h.db.select({ id: tokens.id }).from(tokens).where(eq(tokens.integrationId, installed.integration.id));
    await revokeToken(h.db, null, { tokenId: token.id }, cliActor);

    const reads = tokenReads();
    const refused = await post(installed, newUser("revoked@example.com"));
    expect(refused.status).toBe(401);
    expect(tokenReads()).toBe(reads + 1);
    expect(refused.body.detail).toMatch(/not valid or has been revoked/);
    expect(await peopleNamed("revoked@example.com")).toEqual([]);
    const log = await logOf(refused.headers.get("x-request-id")!);
    expect({ ...log, createdAt: undefined }).toMatchObject({ status: 401, authenticated: false, requestBody: null });

    // Refused once read, the secret is no longer remembered.
    await expect(authenticate(h.db, `Bearer ${installed.secret}`, undefined, undefined, { remembered: true })).rejects.toMatchObject({ status: 401 });

    // A body the endpoint would refuse is not answered for the revoked token either.
    const invalid = await post(installed, { schemas: [USER_SCHEMA] });
    expect(invalid.status).toBe(401);
  });

  it("answers 401 and writes nothing when the token expired or its integration was disabled since", async () => {
    const expiring = await remembered();
    await h.db.execute(sql`update tokens set expires_at = now() - interval '1 second' where integration_id = ${expiring.integration.id}`);
    const expired = await post(expiring, newUser("expired@example.com"));
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);

    const disabling = await remembered();
    await setIntegrationStatus(h.db, null, { integrationId: disabling.integration.id, status: "disabled" }, cliActor);
    const disabled = await post(disabling, newUser("disabled@example.com"));
    expect(disabled.status).toBe(401);
    expect(disabled.body.detail).toMatch(/disabled/);

    expect(await peopleNamed("expired@example.com")).toEqual([]);
    expect(await peopleNamed("disabled@example.com")).toEqual([]);
  });

  it("creates the person with the settings saved since, not the remembered ones", async () => {
    const installed = await remembered();
    const { integration } = await updateIntegrationSettings(
      h.db,
      installed.integration.tenantId,
      { integrationId: installed.integration.id, ...installed.integration.settings, lowercaseIdentifiers: true, defaultRegion: "EU" },
      cliActor,
    );
    expect(integration.settings).toMatchObject({ lowercaseIdentifiers: true, defaultRegion: "EU" });
    const created = await post(installed, newUser("Settings.Changed@Example.com"));
    expect(created.status).toBe(201);
    expect(created.body.userName).toBe("settings.changed@example.com");
    expect(await peopleNamed("settings.changed@example.com")).toEqual([expect.objectContaining({ userName: "settings.changed@example.com", region: "EU" })]);
  });

  it("is refused on another integration's URL, and with another app key over Basic", async () => {
    const installed = await remembered();
    const elsewhere = await h.scim("POST", at(h.b.entra, "Users"), { as: installed, body: newUser("elsewhere@example.com") });
    expect(elsewhere.status).toBe(401);
    const basic = `Basic ${Buffer.from(`${h.a.okta.integration.appKey}:${installed.secret}`).toString("base64")}`;
    const wrongKey = await h.scim("POST", "Users", { headers: { authorization: basic }, body: newUser("wrong-key@example.com") });
    expect(wrongKey.status).toBe(401);
    expect(await peopleNamed("elsewhere@example.com")).toEqual([]);
    expect(await peopleNamed("wrong-key@example.com")).toEqual([]);
  });

  it("answers 409 naming the integration when the userName is taken, and takes over under that policy", async () => {
    const first = await remembered();
    expect((await post(first, newUser("taken@example.com"))).status).toBe(201);
    const second = await remembered();
    const conflict = await post(second, newUser("TAKEN@example.com"));
    expect(conflict.status).toBe(409);
    expect(conflict.body.detail).toContain(first.integration.name);

    await updateIntegrationSettings(h.db, second.integration.tenantId, { integrationId: second.integration.id, ...second.integration.settings, matchExisting: "takeOver" }, cliActor);
    await lookUp(second, "taken@example.com");
    const takenOver = await post(second, newUser("taken@example.com"));
    expect(takenOver.status).toBe(201);
    const [person] = await peopleNamed("taken@example.com");
    expect(takenOver.body.id).toBe(person.id);
  });
});
