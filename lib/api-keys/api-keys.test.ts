import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { apiKeys, type Tenant } from "@/db/schema";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/tenants/create-tenant";
import { hashSecret } from "@/lib/tokens/mint-token";
import { API_KEY_BURST, API_KEY_RATE_PER_SECOND, authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

let database: Database;
let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  database = await createTestDb();
  a = await createTenant(database.db, { slug: `keys-a-${uniqueSuffix()}`, name: "Keys A" });
  b = await createTenant(database.db, { slug: `keys-b-${uniqueSuffix()}`, name: "Keys B" });
});
afterAll(() => database.close());

describe("API keys", () => {
  it("stores only the key's hash and a hint, and authenticates it to its tenant", async () => {
    const { apiKey, key } = await createApiKey(database.db, a.id, { description: "Session revoker" }, cliActor);
    expect(key).toMatch(/^sck_[A-Za-z0-9_-]{43}$/);
    const [row] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row.secretHash).toBe(hashSecret(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(row.hint).toBe(key.slice(-6));
    const now = new Date();
    expect(await authenticateApiKey(database.db, key, now)).toEqual({ ok: true, apiKeyId: apiKey.id, tenantId: a.id });
    expect((await listApiKeys(database.db, a.id)).find((k) => k.id === apiKey.id)?.lastUsedAt).toEqual(now);
    expect(await authenticateApiKey(database.db, `${key}x`)).toEqual({ ok: false, reason: "unknown" });
  });

  it("refuses a revoked key, and another tenant cannot list or revoke it", async () => {
    const { apiKey, key } = await createApiKey(database.db, a.id, { description: "Soon revoked" }, cliActor);
    expect((await listApiKeys(database.db, b.id)).map((k) => k.id)).not.toContain(apiKey.id);
    await expect(revokeApiKey(database.db, b.id, { apiKeyId: apiKey.id }, cliActor)).rejects.toMatchObject({ code: "not_found" });
    expect((await authenticateApiKey(database.db, key)).ok).toBe(true);
    await revokeApiKey(database.db, a.id, { apiKeyId: apiKey.id }, cliActor);
    expect(await authenticateApiKey(database.db, key)).toEqual({ ok: false, reason: "unknown" });
    expect((await listApiKeys(database.db, a.id)).find((k) => k.id === apiKey.id)?.revokedAt).not.toBeNull();
  });

  it("refuses an empty description", async () => {
    await expect(createApiKey(database.db, a.id, { description: "  " }, cliActor)).rejects.toMatchObject({ code: "bad_input" });
  });

  it("allows a burst, then throttles with a wait, shared by concurrent requests, and refills with time", async () => {
    const { key } = await createApiKey(database.db, a.id, { description: "Busy poller" }, cliActor);
    const now = new Date();
    const results = await Promise.all(Array.from({ length: API_KEY_BURST + 5 }, () => authenticateApiKey(database.db, key, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(API_KEY_BURST);
    expect(results.filter((r) => !r.ok)).toEqual(Array(5).fill({ ok: false, reason: "throttled", retryAfterSeconds: 1 }));
    const later = new Date(now.getTime() + 1000);
    const refilled = await Promise.all(Array.from({ length: API_KEY_RATE_PER_SECOND + 1 }, () => authenticateApiKey(database.db, key, later)));
    expect(refilled.filter((r) => r.ok)).toHaveLength(API_KEY_RATE_PER_SECOND);
  });
});
