import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scimRequestHours, scimRequests } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { connectionState } from "./connection-state";
import { readConnectionFacts } from "./read-connection-facts";

/** The facts as real SCIM requests leave them, through the same adapter as the route. */
let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

const stateOf = async (i: { integration: { id: string; tenantId: string } }) => {
  const now = new Date();
  const facts = await readConnectionFacts(h.db, i.integration.tenantId, i.integration.id, now);
  return { facts: facts!, health: connectionState(facts!, now) };
};

describe("readConnectionFacts", () => {
  it("walks a fresh Entra integration from waiting to connected, provisioning and failing", async () => {
    const entra = await h.install(h.a.tenant, "entra");
    const users = `${entra.integration.appKey}/Users`;
    expect((await stateOf(entra)).health.state).toBe("waiting");

    const probe = await h.scim("GET", `${users}?filter=${encodeURIComponent('userName eq "7c1e1f5a-2d2a-4f0e-9d7c-3b1f0a9e8c11"')}`, { as: entra });
    expect(probe.status).toBe(200);
    const connected = await stateOf(entra);
    expect(connected.health.state).toBe("connected");
    expect(connected.facts).toMatchObject({ firstSuccessWasProbe: true, lastWriteAt: null, lastFailureAt: null });
    expect(connected.facts.firstSuccessAt).toEqual(connected.facts.lastSuccessAt);

    const created = await h.scim("POST", users, { as: entra, body: { schemas: [USER_SCHEMA], userName: `ada-${entra.integration.id}@a.test` } });
    expect(created.status).toBe(201);
    const provisioning = await stateOf(entra);
    expect(provisioning.health.state).toBe("provisioning");
    expect(provisioning.facts.hour).toEqual({ requests: 2, failures: 0, writes: 1 });

    // Entra's routine lookup of a missing id is not a failure.
    expect((await h.scim("GET", `${users}/${crypto.randomUUID()}`, { as: entra })).status).toBe(404);
    for (let i = 0; i < 3; i++) {
      const refused = await h.scim("GET", users, { as: entra, headers: { authorization: "Bearer not-a-token" } });
      expect(refused.status).toBe(401);
    }
    const failing = await stateOf(entra);
    expect(failing.facts.hour).toEqual({ requests: 6, failures: 3, writes: 1 });
    expect(failing.facts.lastFailureAt).not.toBeNull();
    expect(failing.health.state).toBe("failing");
    expect(failing.facts.topReasons).toEqual([{ status: 401, reason: "The token is not valid or has been revoked", count: 3 }]);
    expect(failing.health.quarantine).toBe("50% of requests in the last hour failed; Entra quarantines a job above 40%, so it may already be quarantined: it then retries only once a day and stops after four weeks.");
  });

  it("rolls every logged request of an integration up into its hour", async () => {
    const okta = await h.install(h.b.tenant, "okta");
    await h.scim("GET", `${okta.integration.appKey}/Users?startIndex=1&count=1`, { as: okta, basic: true });
    await h.scim("POST", `${okta.integration.appKey}/Users`, { as: okta, basic: true, body: { schemas: [USER_SCHEMA] } });
    const logged = await h.db.select().from(scimRequests).where(eq(scimRequests.integrationId, okta.integration.id));
    const [hour] = await h.db.select().from(scimRequestHours).where(and(eq(scimRequestHours.tenantId, h.b.tenant.id), eq(scimRequestHours.integrationId, okta.integration.id)));
    expect(logged).toHaveLength(2);
    expect(hour).toMatchObject({ requests: 2, failures: 1, writes: 0 });
    expect(hour.hour.getTime() % 3_600_000).toBe(0);
    const { facts, health } = await stateOf(okta);
    expect(health.state).toBe("connected");
    expect(facts.firstSuccessWasProbe).toBe(false);
  });

  it("does not find another tenant's integration", async () => {
    expect(await readConnectionFacts(h.db, h.b.tenant.id, h.a.entra.integration.id, new Date())).toBeNull();
  });
});
