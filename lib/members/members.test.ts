import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { auditLog } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/tenants/create-tenant";
import { addMember } from "./add-member";
import { changeMemberRole } from "./change-member-role";
import { createConsoleUser } from "./create-console-user";
import { listMembers } from "./list-members";
import { listTenantsOfUser } from "./list-tenants-of-user";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const password = "correct horse battery staple";
const tenant = (label: string) => createTenant(database.db, { slug: `${label}-${uniqueSuffix()}`, name: label });

describe("members", () => {
  it("lists only the tenant's own members", async () => {
    const a = await tenant("a");
    const b = await tenant("b");
    await createConsoleUser(database.db, { email: `a-${a.slug}@x.test`, name: "A", password, membership: { tenantId: a.id, role: "admin" } });
    await createConsoleUser(database.db, { email: `b-${b.slug}@x.test`, name: "B", password, membership: { tenantId: b.id, role: "admin" } });
    expect((await listMembers(database.db, a.id)).map((m) => m.email)).toEqual([`a-${a.slug}@x.test`]);
  });

  it("lets an operator give an existing console user a role in another tenant, and audits it", async () => {
    const a = await tenant("a");
    const b = await tenant("b");
    const email = `shared-${a.slug}@x.test`;
    await createConsoleUser(database.db, { email, name: "Shared", password, membership: { tenantId: a.id, role: "admin" } });
    const { userId } = await addMember(database.db, b.id, { email: email.toUpperCase(), role: "viewer" }, cliActor);
    const access = await listTenantsOfUser(database.db, { id: userId, isStaff: false });
    expect(access.map((t) => [t.slug, t.role]).sort()).toEqual([[a.slug, "admin"], [b.slug, "viewer"]].sort());
    const audited = await database.db.select().from(auditLog);
    expect(audited.some((e) => e.action === "member.added" && e.tenantId === b.id)).toBe(true);
    await expect(addMember(database.db, b.id, { email, role: "viewer" }, cliActor)).rejects.toMatchObject({ code: "conflict" });
  });

  it("never creates an account when an operator adds an unknown address", async () => {
    const a = await tenant("a");
    const email = `new-${a.slug}@x.test`;
    await expect(addMember(database.db, a.id, { email, role: "viewer" }, cliActor)).rejects.toMatchObject({ code: "not_found" });
    expect(await listMembers(database.db, a.id)).toEqual([]);
  });

  it("refuses a duplicate console user email in any case", async () => {
    const email = `dupe-${uniqueSuffix()}@x.test`;
    await createConsoleUser(database.db, { email, name: "One", password, isStaff: true });
    await expect(createConsoleUser(database.db, { email: email.toUpperCase(), name: "Two", password, isStaff: true })).rejects.toMatchObject({ code: "conflict" });
  });

  it("never demotes a tenant's last admin, even when two admins demote each other at once", async () => {
    const a = await tenant("a");
    const one = await createConsoleUser(database.db, { email: `one-${a.slug}@x.test`, name: "One", password, membership: { tenantId: a.id, role: "admin" } });
    await expect(changeMemberRole(database.db, a.id, { userId: one.id, role: "viewer" }, cliActor)).rejects.toMatchObject({ code: "conflict" });
    const two = await createConsoleUser(database.db, { email: `two-${a.slug}@x.test`, name: "Two", password, membership: { tenantId: a.id, role: "admin" } });
    await Promise.allSettled([
      changeMemberRole(database.db, a.id, { userId: one.id, role: "viewer" }, cliActor),
      changeMemberRole(database.db, a.id, { userId: two.id, role: "viewer" }, cliActor),
    ]);
    const admins = (await listMembers(database.db, a.id)).filter((m) => m.role === "admin");
    expect(admins).toHaveLength(1);
  });

  it("does not find another tenant's member to change", async () => {
    const a = await tenant("a");
    const b = await tenant("b");
    const bUser = await createConsoleUser(database.db, { email: `b-${b.slug}@x.test`, name: "B", password, membership: { tenantId: b.id, role: "admin" } });
    await expect(changeMemberRole(database.db, a.id, { userId: bUser.id, role: "viewer" }, cliActor)).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives platform staff every tenant, marked as staff access", async () => {
    const a = await tenant("a");
    const staff = await createConsoleUser(database.db, { email: `staff-${a.slug}@x.test`, name: "Staff", password, isStaff: true });
    const access = await listTenantsOfUser(database.db, staff);
    expect(access.find((t) => t.id === a.id)).toMatchObject({ viaStaff: true, role: "admin" });
  });
});
