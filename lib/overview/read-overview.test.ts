import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scimRequestHours } from "@/db/schema";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { GROUP_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { readRequestSeries } from "@/lib/connection-health/read-request-series";
import { readOverview } from "./read-overview";

let h: ScimHarness;
beforeAll(async () => {
  h = await createScimHarness();
});
afterAll(() => h.close());

describe("readOverview", () => {
  it("counts people by status, roles and today's changes, and lists the latest changes with their subjects", async () => {
    const users = `${h.a.entra.integration.appKey}/Users`;
    const ids: string[] = [];
    for (const name of ["ada", "bob", "cy"]) {
      const created = await h.scim("POST", users, { body: { schemas: [USER_SCHEMA], userName: `${name}@a.test`, displayName: name.toUpperCase() } });
      ids.push(created.body.id);
    }
    await h.scim("PATCH", `${users}/${ids[1]}`, { body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] } });
    await h.scim("DELETE", `${users}/${ids[2]}`);
    const role = await h.scim("POST", `${h.a.entra.integration.appKey}/Groups`, { body: { schemas: [GROUP_SCHEMA], displayName: "Sales" } });

    const overview = await readOverview(h.db, h.a.tenant.id, "24h", new Date());
    expect(overview.counts).toEqual({ active: 1, inactive: 1, deleted: 1, roles: 1, changesToday: 6 });
    expect(overview.latest[0]).toMatchObject({ subjectType: "group", subjectId: role.body.id, sentence: "Sales was provisioned" });
    expect(overview.latest.map((e) => e.sentence)).toContain("BOB was deactivated");
    const entra = overview.integrations.find((i) => i.id === h.a.entra.integration.id)!;
    expect(entra.health.state).toBe("provisioning");
    expect(entra.series).toHaveLength(24);
    // Summed over the day, so a test run that crosses the hour still counts every request.
    expect(entra.series.reduce((sum, p) => sum + p.requests, 0)).toBe(6);
    expect(entra.series.reduce((sum, p) => sum + p.failures, 0)).toBe(0);
    expect(entra.series.at(-1)!.requests).toBeGreaterThan(0);

    const other = await readOverview(h.db, h.b.tenant.id, "24h", new Date());
    expect(other.counts).toEqual({ active: 0, inactive: 0, deleted: 0, roles: 0, changesToday: 0 });
    expect(other.latest).toEqual([]);
    expect(other.integrations.map((i) => i.id)).not.toContain(h.a.entra.integration.id);
  });

  it("buckets the hourly rollup into six-hour and daily points, every bucket present", async () => {
    const { integration } = h.b.okta;
    const now = new Date("2026-03-10T13:30:00Z");
    const at = (iso: string, requests: number, failures: number) => ({ integrationId: integration.id, tenantId: h.b.tenant.id, hour: new Date(iso), requests, failures, writes: 0 });
    await h.db.insert(scimRequestHours).values([at("2026-03-10T13:00:00Z", 5, 1), at("2026-03-10T12:00:00Z", 4, 0), at("2026-03-10T11:00:00Z", 3, 3), at("2026-02-01T00:00:00Z", 99, 99)]);
    const week = await readRequestSeries(h.db, h.b.tenant.id, integration.id, "7d", now);
    expect(week).toHaveLength(28);
    expect(week.at(-1)).toEqual({ start: new Date("2026-03-10T12:00:00Z"), requests: 9, failures: 1 });
    expect(week.at(-2)).toEqual({ start: new Date("2026-03-10T06:00:00Z"), requests: 3, failures: 3 });
    const month = await readRequestSeries(h.db, h.b.tenant.id, integration.id, "30d", now);
    expect(month).toHaveLength(30);
    expect(month.at(-1)).toEqual({ start: new Date("2026-03-10T00:00:00Z"), requests: 12, failures: 4 });
    expect(month.reduce((sum, p) => sum + p.requests, 0)).toBe(12);
    expect(await readRequestSeries(h.db, h.a.tenant.id, integration.id, "30d", now)).toSatisfy((points: { requests: number }[]) => points.every((p) => p.requests === 0));
  });
});
