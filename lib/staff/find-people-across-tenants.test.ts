import { and, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { purgePerson } from "@/lib/people/purge-person";
import { tracesOf } from "@/lib/people/testing";
import { createScimHarness, type Installed, type ScimHarness } from "@/lib/provisioning/testing";
import { USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { findPeopleAcrossTenants, PEOPLE_SEARCH_LIMIT } from "./find-people-across-tenants";
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

async function provision(via: Installed, userName: string, email: string, name = { givenName: "Pat", familyName: "Doe" }) {
  const res = await h.scim("POST", `${via.integration.appKey}/Users`, {
    body: { schemas: [USER_SCHEMA], userName, name, emails: [{ value: email, primary: true }] },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const searches = (query: string) =>
  h.db.select().from(auditLog).where(and(eq(auditLog.action, "staff.people_searched"), eq(auditLog.actorUserId, staff.id))).then(
    (rows) => rows.filter((r) => r.detail.query === query),
  );

describe("findPeopleAcrossTenants", () => {
  it("finds a person by their email in every tenant, case-insensitively, with tenant, integration and status", async () => {
    const tag = randomUUID().slice(0, 8);
    const email = `Pat.Doe-${tag}@Example.test`;
    const inA = await provision(h.a.entra, `pdoe-${tag}`, email);
    const inB = await provision(h.b.okta, `pat-${tag}@b.test`, email.toLowerCase());
    await h.scim("DELETE", `${h.b.okta.integration.appKey}/Users/${inB}`);

    const { rows, more } = await findPeopleAcrossTenants(h.db, staff, { query: `  ${email.toUpperCase()} ` });
    expect(more).toBe(false);
    expect(rows.map((r) => [r.id, r.tenant.slug, r.integrationName, r.status, r.name]).sort()).toEqual(
      [
        [inA, h.a.tenant.slug, "Microsoft Entra ID", "active", "Pat Doe"],
        [inB, h.b.tenant.slug, "Okta", "deleted", "Pat Doe"],
      ].sort(),
    );
  });

  it("matches the start of an email or userName, never the middle, and puts exact matches first", async () => {
    const tag = randomUUID().slice(0, 8);
    const longer = await provision(h.a.entra, `kim-${tag}-longer`, `kim.longer-${tag}@x.test`);
    const exact = await provision(h.a.okta, `kim-${tag}`, `k-${tag}@x.test`);
    const byUserName = await findPeopleAcrossTenants(h.db, staff, { query: `kim-${tag}` });
    expect(byUserName.rows.map((r) => r.id)).toEqual([exact, longer]);
    expect((await findPeopleAcrossTenants(h.db, staff, { query: `KIM.LONGER-${tag}` })).rows.map((r) => r.id)).toEqual([longer]);
    expect((await findPeopleAcrossTenants(h.db, staff, { query: `${tag}@x.test` })).rows).toEqual([]);
  });

  it("takes % and _ literally", async () => {
    const tag = randomUUID().slice(0, 8);
    await provision(h.a.entra, `lit_${tag}`, `lit_${tag}@x.test`);
    expect((await findPeopleAcrossTenants(h.db, staff, { query: "%%%" })).rows).toEqual([]);
    expect((await findPeopleAcrossTenants(h.db, staff, { query: `li__${tag}` })).rows).toEqual([]);
    expect((await findPeopleAcrossTenants(h.db, staff, { query: `lit_${tag}` })).rows).toHaveLength(1);
  });

  it(`shows at most ${PEOPLE_SEARCH_LIMIT} people and says there are more`, async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i <= PEOPLE_SEARCH_LIMIT; i++) await provision(i % 2 ? h.a.entra : h.b.entra, `bulk-${tag}-${i}`, `bulk-${tag}-${i}@x.test`);
    const { rows, more } = await findPeopleAcrossTenants(h.db, staff, { query: `bulk-${tag}` });
    expect(rows).toHaveLength(PEOPLE_SEARCH_LIMIT);
    expect(more).toBe(true);
    const [platform] = (await searches(`bulk-${tag}`)).filter((e) => e.tenantId === null);
    expect(platform.detail).toMatchObject({ matches: PEOPLE_SEARCH_LIMIT, more: true });
  });

  it("audits every search: once for the platform, and in each tenant where someone matched", async () => {
    const tag = randomUUID().slice(0, 8);
    await provision(h.b.entra, `audited-${tag}`, `audited-${tag}@b.test`);
    await findPeopleAcrossTenants(h.db, staff, { query: `audited-${tag}` }, { sourceAddress: "203.0.113.7", userAgent: "Firefox" });
    const entries = await searches(`audited-${tag}`);
    expect(entries.map((e) => [e.tenantId, e.actorLabel, e.sourceAddress, e.detail]).sort()).toEqual(
      [
        [null, `${staff.email} (platform staff)`, "203.0.113.7", { query: `audited-${tag}`, matches: 1, more: false, tenants: [h.b.tenant.slug] }],
        [h.b.tenant.id, `${staff.email} (platform staff)`, "203.0.113.7", { query: `audited-${tag}`, matches: 1 }],
      ].sort(),
    );

    await findPeopleAcrossTenants(h.db, staff, { query: `nobody-${tag}` });
    expect((await searches(`nobody-${tag}`)).map((e) => [e.tenantId, e.detail.matches])).toEqual([[null, 0]]);
  });

  it("refuses fewer than 3 characters", async () => {
    await expect(findPeopleAcrossTenants(h.db, staff, { query: " ab " })).rejects.toMatchObject({
      code: "bad_input",
      field: "query",
      message: "Enter at least 3 characters of the email address or userName",
    });
  });

  it("refuses a tenant's admin, who is not platform staff, and records no search", async () => {
    const attempt = findPeopleAcrossTenants(h.db, admin, { query: "pat.doe" });
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    const theirs = await h.db.select().from(auditLog).where(and(eq(auditLog.actorUserId, admin.id), eq(auditLog.action, "staff.people_searched")));
    expect(theirs).toEqual([]);
  });

  it("leaves no trace of what staff typed once the person they searched for is permanently deleted", async () => {
    const tag = randomUUID().slice(0, 8);
    const email = `erase-me-${tag}@a.test`;
    // Names of their own: a purge also scrubs searches containing a given or family name.
    const id = await provision(h.a.entra, `erase-${tag}`, email, { givenName: `Given${tag}`, familyName: `Family${tag}` });
    const other = await provision(h.a.entra, `keep-${tag}`, `keep-${tag}@a.test`);
    await findPeopleAcrossTenants(h.db, staff, { query: email });
    await findPeopleAcrossTenants(h.db, staff, { query: `erase-me-${tag}` });
    await findPeopleAcrossTenants(h.db, staff, { query: `keep-${tag}` });
    await purgePerson(h.db, h.a.tenant.id, { personId: id, reason: "DSAR", confirmUserName: null }, cliActor);

    expect(await tracesOf(h.db, [email, `erase-me-${tag}`])).toEqual([]);
    // Who searched and when stays; a search for someone else is untouched.
    const platform = await h.db.select().from(auditLog).where(and(isNull(auditLog.tenantId), eq(auditLog.actorUserId, staff.id)));
    expect(platform.filter((e) => e.detail.query === "[removed: named a permanently deleted person]")).toHaveLength(2);
    expect(await searches(`keep-${tag}`)).toHaveLength(2);
    expect(other).toBeTruthy();
  });
});
