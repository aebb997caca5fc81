import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listChangeEvents } from "@/lib/events/list-change-events";
import { callApi } from "@/lib/api-v1/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { at, provisionGroup, provisionUsers } from "@/lib/groups/testing";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { PATCH_OP } from "@/lib/scim/schemas/urns";
import { findApiPerson } from "./find-api-person";
import { listApiPeople } from "./list-api-people";
import { purgePerson } from "./purge-person";

let h: ScimHarness;
let keyA: string;
let keyB: string;
/** Tenant A's people by role in the fixture: Entra's active, inactive and deleted, Okta's, and B's. */
let entra: string[];
let okta: string[];
let inactive: string;
let deleted: string;
let otherTenant: string;
let role: string;

beforeAll(async () => {
  h = await createScimHarness();
  keyA = (await createApiKey(h.db, h.a.tenant.id, { description: "Reader A" }, cliActor)).key;
  keyB = (await createApiKey(h.db, h.b.tenant.id, { description: "Reader B" }, cliActor)).key;
  entra = await provisionUsers(h, h.a.entra, 6, "entra");
  okta = await provisionUsers(h, h.a.okta, 3, "okta");
  [otherTenant] = await provisionUsers(h, h.b.entra, 1, "other");
  inactive = entra[4];
  deleted = entra[5];
  const deactivate = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] };
  expect((await h.scim("PATCH", at(h.a.entra, `Users/${inactive}`), { body: deactivate })).status).toBeLessThan(300);
  expect((await h.scim("DELETE", at(h.a.entra, `Users/${deleted}`))).status).toBe(204);
  role = await provisionGroup(h, h.a.entra, "Readers", [entra[0], entra[2], entra[3]]);
});
afterAll(async () => {
  await h?.close();
});

const people = (query: string, key: string | null = keyA) => callApi(h.db, key, `/api/v1/people${query}`, ({ db, tenantId, query: q }) => listApiPeople(db, tenantId, q));
const person = (id: string, key: string | null = keyA) => callApi(h.db, key, `/api/v1/people/${id}`, ({ db, tenantId }) => findApiPerson(db, tenantId, id));

/** Every id a walk from the first page returns, `limit` at a time; `between` runs after each page. */
async function walk(query: string, limit: number, between: () => Promise<void> = async () => {}, key = keyA): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page = await people(`?limit=${limit}${query}${after ? `&after=${after}` : ""}`, key);
    expect(page.status).toBe(200);
    ids.push(...page.body.data.map((p: { id: string }) => p.id));
    after = page.body.next;
    if (after) expect(page.body.data).toHaveLength(limit);
    await between();
  } while (after);
  return ids;
}

const sorted = (ids: string[]) => ids.toSorted();

describe("GET /api/v1/people", () => {
  it("walks every person of the tenant once, in id order, next null on the last page", async () => {
    const ids = await walk("", 2);
    expect(ids).toEqual(sorted([...entra, ...okta]));
    const last = await people("?limit=1000");
    expect(last.body.next).toBeNull();
    expect(last.body.data.find((p: { id: string }) => p.id === entra[0])).toMatchObject({ id: entra[0], integrationId: h.a.entra.integration.id, active: true, deletedAt: null, scim: { userName: expect.any(String) } });
  });

  it("has no gap and no repeat while people are created and updated between pages", async () => {
    // Tenant B's own people, so the writes leave the other tests' fixture alone.
    const before = sorted([otherTenant, ...(await provisionUsers(h, h.b.entra, 8, "walked"))]);
    let n = 0;
    const ids = await walk("", 3, async () => {
      n += 1;
      await provisionUsers(h, h.b.entra, 1, `meanwhile-${n}`);
      const rename = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: `Renamed ${n}` }] };
      expect((await h.scim("PATCH", at(h.b.entra, `Users/${before[n % before.length]}`), { body: rename })).status).toBeLessThan(300);
    }, keyB);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.includes(id))).toEqual(before);
  });

  it.each([
    ["active", () => [...entra.slice(0, 4), ...okta]],
    ["inactive", () => [inactive]],
    ["deleted", () => [deleted]],
  ])("filters by status %s as the console names it", async (status, expected) => {
    expect(await walk(`&status=${status}`, 100)).toEqual(sorted(expected()));
  });

  it("filters by integration and by role", async () => {
    expect(await walk(`&integration=${h.a.okta.integration.id}`, 2)).toEqual(sorted(okta));
    expect(await walk(`&role=${role}`, 2)).toEqual(sorted([entra[0], entra[2], entra[3]]));
    expect(await walk(`&role=${role}&status=active&integration=${h.a.entra.integration.id}`, 2)).toEqual(sorted([entra[0], entra[2], entra[3]]));
    expect(await walk(`&role=${role}&integration=${h.a.okta.integration.id}`, 2)).toEqual([]);
    expect(await walk(`&integration=${h.b.entra.integration.id}`, 2)).toEqual([]);
  });

  it("filters by updated_since, at or after the time given", async () => {
    const all = (await people("?limit=1000")).body.data as { id: string; updatedAt: string }[];
    const pivot = all.map((p) => p.updatedAt).toSorted()[Math.floor(all.length / 2)];
    const expected = all.filter((p) => new Date(p.updatedAt) >= new Date(pivot)).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(await walk(`&updated_since=${encodeURIComponent(pivot)}`, 2)).toEqual(sorted(expected));
    expect(await walk(`&updated_since=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`, 2)).toEqual([]);
  });

  it.each([
    ["status", "?status=gone"],
    ["integration", "?integration=okta"],
    ["role", "?role=42"],
    ["updated_since", "?updated_since=yesterday"],
    ["updated_since", "?updated_since=2026-12-01T10:00:00"],
    ["limit", "?limit=0"],
    ["limit", "?limit=1001"],
    ["after", "?after=not-a-cursor"],
    ["statuss", "?statuss=active"],
  ])("refuses a bad %s with 400 naming it", async (parameter, query) => {
    const res = await people(query);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: "bad_input", message: expect.stringContaining(parameter) });
  });

  it("refuses a missing or unknown key with 401", async () => {
    for (const key of [null, "sck_nope"]) {
      const res = await people("", key);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe("unauthorized");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });
});

describe("GET /api/v1/people/{id}", () => {
  it("answers the person in the shape of the list and of the events", async () => {
    const res = await person(inactive);
    expect(res.status).toBe(200);
    const listed = (await people("?status=inactive")).body.data[0];
    expect(res.body).toEqual(listed);
    expect(res.body).toMatchObject({ id: inactive, active: false, deletedAt: null });
    const feed = await listChangeEvents(h.db, h.a.tenant.id, { limit: 1000 });
    const deactivated = feed.data.findLast((e) => e.type === "person.deactivated" && (e.data.resource as { id: string }).id === inactive);
    expect(deactivated?.data.resource).toEqual(res.body);
    expect((await person(deleted)).body).toMatchObject({ id: deleted, deletedAt: expect.any(String) });
  });

  it.each([
    ["another tenant's id", () => otherTenant],
    ["an unknown id", () => randomUUID()],
    ["a malformed id", () => "not-a-uuid"],
    ["a SQL-looking id", () => "1' or '1'='1"],
  ])("answers 404 not_found for %s", async (_, id) => {
    const res = await person(id());
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: "not_found", message: expect.any(String) });
  });

  it("answers 404 for a purged person, who is no longer listed either", async () => {
    const [gone] = await provisionUsers(h, h.a.entra, 1, "purged");
    const userName = (await person(gone)).body.userName;
    await purgePerson(h.db, h.a.tenant.id, { personId: gone, reason: "Asked to be forgotten", confirmUserName: userName }, { userId: null, label: "support@vendor.test" });
    expect((await person(gone)).status).toBe(404);
    expect(await walk("", 1000)).not.toContain(gone);
  });
});
