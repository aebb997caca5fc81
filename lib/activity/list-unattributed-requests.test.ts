import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { listRequestLog } from "./list-request-log";
import { listUnattributedRequests } from "./list-unattributed-requests";

/**
 * Where refused requests show: under the tenant whose real app key the URL named, marked
 * unauthenticated; with no or an unknown app key, only in the platform staff's view.
 */
let h: ScimHarness;
let keylessId: string;
let unknownKeyId: string;
beforeAll(async () => {
  h = await createScimHarness();
  const keyed = await h.scim("GET", `${h.a.entra.integration.appKey}/Users`, { headers: { authorization: "Bearer wrong" } });
  expect(keyed.status).toBe(401);
  const keyless = await h.scim("GET", "Users", { headers: { authorization: "Bearer wrong" } });
  keylessId = keyless.headers.get("x-request-id")!;
  const unknownKey = await h.scim("DELETE", "no-such-key/Users/1", { headers: { authorization: "Bearer wrong" } });
  unknownKeyId = unknownKey.headers.get("x-request-id")!;
});
afterAll(() => h.close());

describe("refused requests", () => {
  it("show in the tenant's Activity, marked unauthenticated, when the URL named its integration", async () => {
    const { rows } = await listRequestLog(h.db, h.a.tenant.id, { limit: 50, offset: 0 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 401, authenticated: false, integrationName: h.a.entra.integration.name });
    expect((await listRequestLog(h.db, h.b.tenant.id, { limit: 50, offset: 0 })).total).toBe(0);
  });

  it("show to platform staff only when they name no integration", async () => {
    const { rows, total } = await listUnattributedRequests(h.db, { isStaff: true }, { limit: 50, offset: 0 });
    expect(total).toBe(2);
    expect(rows.map((r) => r.requestId)).toEqual([unknownKeyId, keylessId]);
    expect(rows[0]).toMatchObject({ method: "DELETE", path: "/no-such-key/Users/1", status: 401, detail: expect.any(String) });
    await expect(listUnattributedRequests(h.db, { isStaff: false }, { limit: 50, offset: 0 })).rejects.toThrow(/platform staff/);
  });
});
