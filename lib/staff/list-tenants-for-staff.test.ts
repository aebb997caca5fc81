import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueSuffix } from "@/db/testing";
import { cliActor } from "@/lib/audit/record-audit";
import { createIntegration } from "@/lib/integrations/create-integration";
import { setIntegrationStatus } from "@/lib/integrations/set-integration-status";
import { provisionPerson } from "@/lib/people/testing";
import { purgePerson } from "@/lib/people/purge-person";
import { createScimHarness, type ScimHarness } from "@/lib/provisioning/testing";
import { createTenant } from "@/lib/tenants/create-tenant";
import { getTenantForStaff } from "./get-tenant-for-staff";
import { listTenantsForStaff } from "./list-tenants-for-staff";
import { staffAndAdmin } from "./testing";
import type { StaffMember } from "./staff-actor";

let h: ScimHarness;
let staff: StaffMember;
let admin: StaffMember;
beforeAll(async () => {
  h = await createScimHarness();
  ({ staff, admin } = await staffAndAdmin(h));
});
afterAll(() => h.close());

const page = { limit: 50, offset: 0 };

describe("listTenantsForStaff", () => {
  it("counts each tenant's current people, leaving out deleted and purged ones, with its last SCIM request", async () => {
    const [kept, inactive, deleted, purged] = [await provisionPerson(h), await provisionPerson(h), await provisionPerson(h), await provisionPerson(h)];
    const appKey = h.a.entra.integration.appKey;
    await h.scim("PATCH", `${appKey}/Users/${inactive.id}`, {
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] },
    });
    expect((await h.scim("DELETE", `${appKey}/Users/${deleted.id}`)).status).toBe(204);
    await purgePerson(h.db, h.a.tenant.id, { personId: purged.id, reason: "Ticket 1", confirmUserName: null }, cliActor);
    expect(kept.id).toBeTruthy();

    const { rows, total } = await listTenantsForStaff(h.db, staff, page);
    expect(total).toBe(2);
    const [a, b] = rows;
    expect([a.name, b.name]).toEqual(["Tenant A", "Tenant B"]);
    expect(a).toMatchObject({ slug: h.a.tenant.slug, people: 2 });
    expect(b).toMatchObject({ slug: h.b.tenant.slug, people: 0, lastScimActivity: null });
    expect(a.lastScimActivity).toBeInstanceOf(Date);
    expect(Date.now() - a.lastScimActivity!.getTime()).toBeLessThan(10 * 60_000);
  });

  it("lists every integration of a tenant with its name, provider and status", async () => {
    await setIntegrationStatus(h.db, h.b.tenant.id, { integrationId: h.b.okta.integration.id, status: "disabled" }, cliActor);
    const { rows } = await listTenantsForStaff(h.db, staff, { ...page, search: h.b.tenant.slug });
    expect(rows.map((r) => r.integrations.map((i) => [i.name, i.provider, i.status]))).toEqual([
      [
        ["Microsoft Entra ID", "entra", "active"],
        ["Okta", "okta", "disabled"],
      ],
    ]);
  });

  it("finds tenants by a part of their name or slug, case-insensitively, with % and _ taken literally", async () => {
    const tag = uniqueSuffix();
    const acme = await createTenant(h.db, { slug: `acme-${tag}`, name: `Acme ${tag} Corp` });
    await createIntegration(h.db, acme.id, { provider: "generic" }, cliActor);
    const byName = await listTenantsForStaff(h.db, staff, { ...page, search: ` ACME ${tag.toUpperCase()} ` });
    expect(byName.rows.map((r) => r.slug)).toEqual([acme.slug]);
    expect(byName.rows[0]).toMatchObject({ people: 0, lastScimActivity: null, integrations: [{ provider: "generic" }] });
    expect((await listTenantsForStaff(h.db, staff, { ...page, search: `me-${tag}` })).rows.map((r) => r.slug)).toEqual([acme.slug]);
    expect(await listTenantsForStaff(h.db, staff, { ...page, search: "%" })).toEqual({ rows: [], total: 0 });
  });

  it("pages by name, every tenant once", async () => {
    const all = await listTenantsForStaff(h.db, staff, page);
    const first = await listTenantsForStaff(h.db, staff, { limit: 2, offset: 0 });
    const rest = await listTenantsForStaff(h.db, staff, { limit: 2, offset: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.rows, ...rest.rows].map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
  });

  it("refuses a console user who is not platform staff, even a tenant's admin", async () => {
    await expect(listTenantsForStaff(h.db, admin, page)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getTenantForStaff(h.db, admin, h.a.tenant.slug)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("getTenantForStaff", () => {
  it("finds one tenant by slug with its integrations, and nothing for an unknown slug", async () => {
    const tenant = await getTenantForStaff(h.db, staff, h.b.tenant.slug);
    expect(tenant).toMatchObject({ id: h.b.tenant.id, name: "Tenant B" });
    expect(tenant?.integrations.map((i) => i.appKey)).toEqual([h.b.entra.integration.appKey, h.b.okta.integration.appKey]);
    expect(await getTenantForStaff(h.db, staff, "no-such-tenant")).toBeNull();
  });
});
