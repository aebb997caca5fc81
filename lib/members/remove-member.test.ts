import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { auditLog, memberships } from "@/db/schema";
import { cliActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/tenants/create-tenant";
import { changeMemberRole } from "./change-member-role";
import { createConsoleUser } from "./create-console-user";
import { listMembers } from "./list-members";
import { listTenantsOfUser } from "./list-tenants-of-user";
import { removeMember } from "./remove-member";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const password = "correct horse battery staple";
const tenant = (label: string) => createTenant(database.db, { slug: `${label}-${uniqueSuffix()}`, name: label });
const member = (tenantId: string, role: "admin" | "support" | "viewer") =>
  createConsoleUser(database.db, { email: `${role}-${uniqueSuffix()}@x.test`, name: role, password, membership: { tenantId, role } });

describe("removeMember", () => {
  it("takes away one tenant's access, keeps the account's other tenants, and audits it", async () => {
    const a = await tenant("a");
    const b = await tenant("b");
    await member(a.id, "admin");
    const viewer = await member(a.id, "viewer");
    await createTenantMembership(b.id, viewer.id);
    await removeMember(database.db, a.id, { userId: viewer.id }, cliActor);
    expect((await listMembers(database.db, a.id)).map((m) => m.userId)).not.toContain(viewer.id);
    expect((await listTenantsOfUser(database.db, { id: viewer.id, isStaff: false })).map((t) => t.id)).toEqual([b.id]);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, a.id), eq(auditLog.action, "member.removed")));
    expect(entry.detail).toEqual({ email: viewer.email, role: "viewer" });
  });

  it("refuses to remove the last admin, even when two admins remove each other at once", async () => {
    const a = await tenant("a");
    const one = await member(a.id, "admin");
    await expect(removeMember(database.db, a.id, { userId: one.id }, cliActor)).rejects.toMatchObject({ code: "conflict" });
    const two = await member(a.id, "admin");
    const results = await Promise.allSettled([removeMember(database.db, a.id, { userId: one.id }, cliActor), removeMember(database.db, a.id, { userId: two.id }, cliActor)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listMembers(database.db, a.id)).filter((m) => m.role === "admin")).toHaveLength(1);
  });

  it("never leaves no admin when one admin is demoted while the other is removed", async () => {
    const a = await tenant("a");
    const one = await member(a.id, "admin");
    const two = await member(a.id, "admin");
    await Promise.allSettled([changeMemberRole(database.db, a.id, { userId: one.id, role: "viewer" }, cliActor), removeMember(database.db, a.id, { userId: two.id }, cliActor)]);
    expect((await listMembers(database.db, a.id)).filter((m) => m.role === "admin")).toHaveLength(1);
  });

  it("does not find another tenant's member", async () => {
    const a = await tenant("a");
    const b = await tenant("b");
    await member(a.id, "admin");
    const other = await member(b.id, "viewer");
    await expect(removeMember(database.db, a.id, { userId: other.id }, cliActor)).rejects.toMatchObject({ code: "not_found" });
    expect((await listMembers(database.db, b.id)).map((m) => m.userId)).toContain(other.id);
  });
});

function createTenantMembership(tenantId: string, userId: string) {
  return database.db.insert(memberships).values({ tenantId, userId, role: "viewer" });
}
