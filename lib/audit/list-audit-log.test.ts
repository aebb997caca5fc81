import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDb, uniqueSuffix } from "@/db/testing";
import { createConsoleUser } from "@/lib/members/create-console-user";
import { createTenant } from "@/lib/tenants/create-tenant";
import { listAuditLog } from "./list-audit-log";
import { recordAudit, type AuditActor } from "./record-audit";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const tenant = (label: string) => createTenant(database.db, { slug: `${label}-${uniqueSuffix()}`, name: label });

async function staffActor(): Promise<AuditActor & { userId: string }> {
  const email = `staff-${uniqueSuffix()}@platform.test`;
  const user = await createConsoleUser(database.db, { email, name: "Staff", password: "correct horse battery staple", isStaff: true });
  return { userId: user.id, label: `${email} (platform staff)`, sourceAddress: "203.0.113.7", userAgent: "Mozilla/5.0 Test" };
}

describe("audit log", () => {
  it("lists only the tenant's own entries, newest first, with who, what and from where", async () => {
    const a = await tenant("a");
    const b = await tenant("b");
    const actor = await staffActor();
    await recordAudit(database.db, { tenantId: a.id, actor, action: "member.added", detail: { email: "sue@a.test", role: "support" } });
    await recordAudit(database.db, { tenantId: b.id, actor, action: "member.added", detail: { email: "bob@b.test", role: "viewer" } });
    await recordAudit(database.db, { tenantId: null, actor, action: "password.changed" });
    await recordAudit(database.db, { tenantId: a.id, actor, action: "integration.disabled", detail: { name: "Okta" } });

    const { rows, total } = await listAuditLog(database.db, a.id, { limit: 50, offset: 0 });
    expect(total).toBe(2);
    expect(rows.map((r) => r.description)).toEqual(["Disabled Okta", "Added sue@a.test as Support"]);
    expect(rows[0]).toMatchObject({ actorLabel: actor.label, sourceAddress: "203.0.113.7", userAgent: "Mozilla/5.0 Test" });
  });

  it("pages and narrows the log to one kind of entry", async () => {
    const a = await tenant("a");
    const actor = await staffActor();
    for (let i = 0; i < 5; i++) await recordAudit(database.db, { tenantId: a.id, actor, action: "token.revoked", detail: { hint: `h${i}` } });
    await recordAudit(database.db, { tenantId: a.id, actor, action: "staff.tenant_opened" });

    const second = await listAuditLog(database.db, a.id, { limit: 2, offset: 2 });
    expect(second.total).toBe(6);
    expect(second.rows).toHaveLength(2);
    const staff = await listAuditLog(database.db, a.id, { category: "staff", limit: 50, offset: 0 });
    expect(staff.rows.map((r) => r.action)).toEqual(["staff.tenant_opened"]);
    expect((await listAuditLog(database.db, a.id, { category: "integrations", limit: 50, offset: 0 })).total).toBe(5);
  });
});
