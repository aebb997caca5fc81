import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scimRequests } from "@/db/schema";
import { runJobIfDue } from "@/lib/jobs/scheduler";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { recordScimRequest, type NewScimRequestLogEntry } from "./record-scim-request";
import { requestLogPruneJob } from "./request-log-prune-job";

/** The request log's group commit: every row committed before its request answers, none lost to a neighbour. */

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

function entry(requestId: string, integrationId = h.a.entra.integration.id): NewScimRequestLogEntry {
  return { tenantId: h.a.tenant.id, integrationId, requestId, method: "GET", path: "/Users", status: 200, latencyMs: 1 };
}

const logged = (ids: string[]) => h.db.select({ requestId: scimRequests.requestId }).from(scimRequests).where(inArray(scimRequests.requestId, ids));

describe("recordScimRequest", () => {
  it("commits each of many concurrent rows before its call resolves", async () => {
    const ids = Array.from({ length: 200 }, () => randomUUID());
    await Promise.all(ids.map((id) => recordScimRequest(h.db, entry(id))));
    expect((await logged(ids)).length).toBe(200);
  });

  it("loses only the row the database refuses, not the rows batched with it", async () => {
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const refused = randomUUID();
    const results = await Promise.allSettled([
      ...ids.slice(0, 10).map((id) => recordScimRequest(h.db, entry(id))),
      // An integration that does not exist (deleted while its request ran) breaks the foreign key.
      recordScimRequest(h.db, entry(refused, randomUUID())),
      ...ids.slice(10).map((id) => recordScimRequest(h.db, entry(id))),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(results[10].status).toBe("rejected");
    expect((await logged([...ids, refused])).map((r) => r.requestId).sort()).toEqual([...ids].sort());
  });
});

describe("the request-log-prune job", () => {
  it("deletes entries older than the retention period and keeps newer ones", async () => {
    const [old, recent] = [randomUUID(), randomUUID()];
    await recordScimRequest(h.db, entry(old));
    await recordScimRequest(h.db, entry(recent));
    await h.db.update(scimRequests).set({ createdAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(scimRequests.requestId, old));
    expect(await runJobIfDue(h.db, requestLogPruneJob(), { owner: "test" })).toEqual({ ran: true, error: null });
    expect((await logged([old, recent])).map((r) => r.requestId)).toEqual([recent]);
  });
});
