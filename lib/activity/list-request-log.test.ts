import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { getRequestLogEntry } from "./get-request-log-entry";
import { listIntegrationChoices } from "@/lib/integrations/list-integration-choices";
import { listRequestLog, type RequestLogQuery } from "./list-request-log";

/** The tenant's SCIM request log as the Activity page reads it: filters, paging, isolation. */

let h: ScimHarness;
let conflictRequestId: string;

beforeAll(async () => {
  h = await createScimHarness();
  const entra = `${h.a.entra.integration.appKey}/Users`;
  const body = { schemas: [USER_SCHEMA], userName: "ada@acme.test", password: "Sup3r-secret!" };
  expect((await h.scim("POST", entra, { body })).status).toBe(201);
  const conflict = await h.scim("POST", entra, { body });
  expect(conflict.status).toBe(409);
  conflictRequestId = conflict.headers.get("x-request-id")!;
  expect((await h.scim("GET", `${entra}?filter=${encodeURIComponent('userName eq "ada@acme.test"')}`)).status).toBe(200);
  expect((await h.scim("GET", `${h.a.okta.integration.appKey}/Users`, { basic: true })).status).toBe(200);
  expect((await h.scim("GET", `${h.b.entra.integration.appKey}/Users/${randomUUID()}`)).status).toBe(404);
});
afterAll(() => h.close());

const list = (query: Partial<RequestLogQuery> = {}) => listRequestLog(h.db, h.a.tenant.id, { limit: 50, offset: 0, ...query });

describe("listRequestLog", () => {
  it("lists the tenant's requests newest first with integration, status, latency and error", async () => {
    const { rows, total } = await list();
    expect(total).toBe(4);
    expect(rows.map((r) => [r.method, r.status])).toEqual([["GET", 200], ["GET", 200], ["POST", 409], ["POST", 201]]);
    expect(rows[0]).toMatchObject({ integrationName: h.a.okta.integration.name, integrationKey: h.a.okta.integration.appKey });
    expect(new URLSearchParams(rows[1].query).get("filter")).toBe('userName eq "ada@acme.test"');
    expect(rows[2]).toMatchObject({ scimType: "uniqueness", detail: expect.stringContaining("ada@acme.test"), requestId: conflictRequestId });
    expect(rows[2].latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("filters by integration, by failures only and by method", async () => {
    expect((await list({ integrationId: h.a.okta.integration.id })).total).toBe(1);
    expect((await list({ outcome: "failures" })).rows.map((r) => r.status)).toEqual([409]);
    expect((await list({ method: "POST" })).rows.map((r) => r.status)).toEqual([409, 201]);
    expect((await list({ method: "DELETE" })).total).toBe(0);
    expect((await list({ integrationId: h.a.entra.integration.id, method: "GET", outcome: "failures" })).total).toBe(0);
  });

  it("finds one request by the request id History shows", async () => {
    expect((await list({ requestId: conflictRequestId })).rows.map((r) => r.status)).toEqual([409]);
    expect((await listRequestLog(h.db, h.b.tenant.id, { requestId: conflictRequestId, limit: 50, offset: 0 })).total).toBe(0);
  });

  it("pages with a total", async () => {
    const page = await list({ limit: 3, offset: 3 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.status)).toEqual([201]);
  });

  it("counts exactly up to the cap and says when there are more, as People does", async () => {
    expect(await list({ countCap: 10 })).toMatchObject({ total: 4, capped: false });
    expect(await list({ countCap: 4 })).toMatchObject({ total: 4, capped: false });
    const capped = await list({ limit: 2, countCap: 3 });
    expect(capped).toMatchObject({ total: 3, capped: true });
    expect(capped.rows.map((r) => [r.method, r.status])).toEqual([["GET", 200], ["GET", 200]]);
    expect(await list({ outcome: "failures", countCap: 1 })).toMatchObject({ total: 1, capped: false });
  });

  it("matches nothing for another tenant's integration or a malformed id", async () => {
    expect((await list({ integrationId: h.b.entra.integration.id })).total).toBe(0);
    expect((await list({ integrationId: "nope" })).total).toBe(0);
    expect((await listRequestLog(h.db, h.b.tenant.id, { limit: 50, offset: 0 })).rows.map((r) => r.status)).toEqual([404]);
  });
});

describe("getRequestLogEntry", () => {
  it("gives one request with its redacted body and error detail", async () => {
    const { rows } = await list({ outcome: "failures" });
    const entry = await getRequestLogEntry(h.db, h.a.tenant.id, String(rows[0].id));
    expect(entry).toMatchObject({ status: 409, scimType: "uniqueness", integrationId: h.a.entra.integration.id });
    expect(entry?.requestBody).toEqual({ schemas: [USER_SCHEMA], userName: "ada@acme.test", password: "[redacted]" });
  });

  it("does not find another tenant's entry, nor a malformed id", async () => {
    const { rows } = await list();
    expect(await getRequestLogEntry(h.db, h.b.tenant.id, String(rows[0].id))).toBeNull();
    for (const id of ["0", "-1", "abc", "1e3", "99999999999999999999"]) expect(await getRequestLogEntry(h.db, h.a.tenant.id, id)).toBeNull();
  });
});

describe("listIntegrationChoices", () => {
  it("gives only the tenant's integrations", async () => {
    const ids = (await listIntegrationChoices(h.db, h.a.tenant.id)).map((i) => i.id).sort();
    expect(ids).toEqual([h.a.entra.integration.id, h.a.okta.integration.id].sort());
  });
});
